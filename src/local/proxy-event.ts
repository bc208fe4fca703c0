/**
 * The REST API proxy event (payload v1) API Gateway sends for a request: built here once, for the
 * local gateway and for the tests' event factory, so both hand the Lambda what AWS would.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { PathMatch } from '../http/router';
import { getOwn, setOwn } from '../lambda-proxy';

export interface ProxyEventParts {
  readonly method: string;
  /** The request URL; its path and query fill the event. */
  readonly url: URL;
  /** The resource the path matched, as API Gateway resolves it before calling the function. */
  readonly resource: PathMatch | undefined;
  readonly headers: Record<string, string>;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly body: string | null;
  readonly isBase64Encoded?: boolean;
  readonly stage: string;
  readonly sourceIp: string;
  readonly protocol: string;
}

/** The REST API proxy event (payload v1) API Gateway sends for a request, without authorizer claims. */
export function proxyEvent(parts: ProxyEventParts): APIGatewayProxyEvent {
  const { url, resource, headers, stage } = parts;
  // Names from the wire: `?__proto__=1` or `?constructor=1` must stay ordinary keys.
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    setOwn(query, name, value);
    const values = getOwn(multiQuery, name);
    if (values === undefined) setOwn(multiQuery, name, [value]);
    else values.push(value);
  }
  const hasQuery = Object.keys(query).length > 0;
  const resourcePath = resource?.template ?? url.pathname;
  return {
    resource: resourcePath,
    path: url.pathname,
    httpMethod: parts.method,
    headers,
    multiValueHeaders: parts.multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters:
      resource !== undefined && Object.keys(resource.pathParameters).length > 0
        ? resource.pathParameters
        : null,
    stageVariables: null,
    body: parts.body,
    isBase64Encoded: parts.isBase64Encoded ?? false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: null,
      httpMethod: parts.method,
      identity: requestIdentity(
        parts.sourceIp,
        getOwn(headers, 'User-Agent') ?? getOwn(headers, 'user-agent') ?? null,
      ),
      path: `/${stage}${url.pathname}`,
      protocol: parts.protocol,
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath,
      stage,
    },
  };
}

/** The caller identity block of a proxy event for a request without AWS credentials. */
export function requestIdentity(
  sourceIp: string,
  userAgent: string | null,
): APIGatewayProxyEvent['requestContext']['identity'] {
  return {
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    clientCert: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}
