import { ResponseType } from 'aws-cdk-lib/aws-apigateway';
import {
  GATEWAY_RESPONSES,
  type GatewayProblem,
  gatewayResponses,
  UNCUSTOMISABLE_RESPONSES,
} from '../../infra/gateway-responses';
import {
  type ProblemName,
  problemHeaders,
  problemMembers,
  problemTypeUri,
} from '../../src/http/problem-types';
import { asObject, type Json, objectAt, pointerTo } from '../../src/spec/openapi-document';

/**
 * The values API Gateway substitutes for the `$context` variables a gateway response template may
 * use: `messageString` arrives quoted and escaped, the others bare.
 */
const CONTEXT_VARIABLES: Readonly<Record<string, string>> = {
  '$context.error.messageString': JSON.stringify('Invalid request body: "it\'s" wrong'),
  '$context.requestId': 'req-1',
};

/**
 * What API Gateway sends for a response template: each `$context` variable replaced by its value,
 * nothing else. Gateway response templates run no VTL, so a `$util` call or a `#set` stays as
 * written and the body is not JSON.
 */
function render(response: Json): unknown {
  const template = asObject(response.responseTemplates)['application/json'];
  if (typeof template !== 'string') throw new Error('no application/json template');
  const body = template.replace(/\$context(?:\.[A-Za-z]+)+/g, (variable) => {
    const value = CONTEXT_VARIABLES[variable];
    if (value === undefined) throw new Error(`no sample value for ${variable}`);
    return value;
  });
  return JSON.parse(body);
}

const responseOf = (responses: Json, type: string): Json => objectAt(responses, pointerTo(type));

const mappings = Object.entries<GatewayProblem>(GATEWAY_RESPONSES).map(([type, mapping]) => ({
  type,
  ...mapping,
}));

describe('gateway responses', () => {
  const responses = gatewayResponses(['*']);

  it('cover every gateway response type API Gateway lets us customise', () => {
    const awsTypes = Object.values(ResponseType)
      .filter((value) => value instanceof ResponseType)
      .map((value) => value.responseType);
    const customisable = awsTypes.filter(
      (type) => !(UNCUSTOMISABLE_RESPONSES as readonly string[]).includes(type),
    );

    expect(Object.keys(responses).sort()).toEqual(customisable.sort());
  });

  it('leave REQUEST_TOO_LARGE to the gateway, which does not support customising it', () => {
    expect(responses).not.toHaveProperty('REQUEST_TOO_LARGE');
  });

  it('are pure variable substitution, with no VTL', () => {
    const templates = Object.values(responses).map(
      (response) => asObject(asObject(response).responseTemplates)['application/json'],
    );

    for (const template of templates) expect(template).not.toMatch(/\$util|#set|#if|#foreach/);
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

  it.each(['BAD_REQUEST_BODY', 'BAD_REQUEST_PARAMETERS'])(
    'say what the gateway found wrong in %s',
    (type) => {
      expect(render(responseOf(responses, type))).toMatchObject({
        detail: 'Invalid request body: "it\'s" wrong',
      });
    },
  );

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

describe('gateway responses, security headers', () => {
  it.each(Object.entries(gatewayResponses(['https://app.example.com'])))(
    '%s is not cached and not sniffed, as every answer of the function',
    (_type, response) => {
      expect(asObject(asObject(response).responseParameters)).toMatchObject({
        'gatewayresponse.header.Cache-Control': "'no-store'",
        'gatewayresponse.header.X-Content-Type-Options': "'nosniff'",
      });
    },
  );
});
