import { ResponseType } from 'aws-cdk-lib/aws-apigateway';
import { GATEWAY_RESPONSES, type GatewayProblem, gatewayResponses } from '../../infra/gateway-responses';
import {
  type ProblemName,
  problemHeaders,
  problemMembers,
  problemTypeUri,
} from '../../src/http/problem-types';
import { asObject, type Json, objectAt, pointerTo } from '../../src/spec/openapi-document';

/** What API Gateway would render from a response template, its variables given sample values. */
function render(response: Json): unknown {
  const template = asObject(response.responseTemplates)['application/json'];
  if (typeof template !== 'string') throw new Error('no application/json template');
  return JSON.parse(
    template
      .replace('$context.error.messageString', '"the gateway message"')
      .replace(
        /\$util\.escapeJavaScript\(\$context\.error\.validationErrorString\)\.replaceAll\("\\\\'","'"\)/,
        'the validation errors',
      )
      .replace('$context.requestId', 'req-1'),
  );
}

const responseOf = (responses: Json, type: string): Json => objectAt(responses, pointerTo(type));

const mappings = Object.entries<GatewayProblem>(GATEWAY_RESPONSES).map(([type, mapping]) => ({
  type,
  ...mapping,
}));

describe('gateway responses', () => {
  const responses = gatewayResponses(['*']);

  it('cover every gateway response type API Gateway has', () => {
    const awsTypes = Object.values(ResponseType)
      .filter((value) => value instanceof ResponseType)
      .map((value) => value.responseType);

    expect(Object.keys(responses).sort()).toEqual(awsTypes.sort());
  });

  it.each(mappings)('answer $type as the catalog problem $problem', ({ type, problem, detail }) => {
    const response = responseOf(responses, type);

    expect(response.statusCode).toBe(String(problemMembers(problem).status));
    expect(render(response)).toEqual({
      ...problemMembers(problem),
      ...(detail !== undefined && { detail: expect.any(String) }),
      instance: 'req-1',
    });
    // Header names are case-insensitive; the catalog writes them in lower case.
    const headers = Object.fromEntries(
      Object.entries(asObject(response.responseParameters)).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    );
    const expected = Object.entries(problemHeaders(problem)).map(([name, value]) => [
      `gatewayresponse.header.${name}`,
      `'${value}'`,
    ]);
    expect(headers).toMatchObject(Object.fromEntries(expected));
  });

  it.each<[string, number, ProblemName]>([
    ['BAD_REQUEST_BODY', 400, 'validation-error'],
    ['UNAUTHORIZED', 401, 'unauthorized'],
    ['MISSING_AUTHENTICATION_TOKEN', 404, 'not-found'],
    ['REQUEST_TOO_LARGE', 413, 'body-too-large'],
    ['THROTTLED', 429, 'too-many-requests'],
    ['DEFAULT_5XX', 500, 'internal-error'],
    // What the local gateway answers when the function fails.
    ['INTEGRATION_FAILURE', 502, 'bad-gateway'],
    ['INTEGRATION_TIMEOUT', 504, 'gateway-timeout'],
  ])('answer %s with %d %s', (type, status, problem) => {
    const response = responseOf(responses, type);

    expect(response.statusCode).toBe(String(status));
    expect(render(response)).toMatchObject({ type: problemTypeUri(problem), status });
  });

  it('challenge for a bearer token on 401', () => {
    expect(responseOf(responses, 'UNAUTHORIZED').responseParameters).toMatchObject({
      'gatewayresponse.header.Www-Authenticate': "'Bearer'",
      'gatewayresponse.header.Content-Type': "'application/problem+json'",
    });
  });

  it.each([
    ['BAD_REQUEST_BODY', 'the validation errors'],
    ['BAD_REQUEST_PARAMETERS', 'the gateway message'],
  ])('say what the gateway found wrong in %s', (type, detail) => {
    expect(render(responseOf(responses, type))).toMatchObject({ detail });
  });

  it('name the one allowed origin, and none when there are several', () => {
    const origin = 'gatewayresponse.header.Access-Control-Allow-Origin';

    expect(
      responseOf(gatewayResponses(['https://app.example.com']), 'THROTTLED').responseParameters,
    ).toMatchObject({ [origin]: "'https://app.example.com'" });
    expect(
      responseOf(gatewayResponses(['https://a.example.com', 'https://b.example.com']), 'THROTTLED')
        .responseParameters,
    ).not.toHaveProperty([origin]);
  });
});
