import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import spec from '../../generated/openapi.json';
import { resourceMatcher } from '../../src/http/resource-matcher';
import { requestIdentity } from '../../src/local/gateway';

export interface EventOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly subject?: string;
  readonly isBase64Encoded?: boolean;
}

const matchResource = resourceMatcher(Object.keys(spec.paths));

/** A REST API proxy event (payload v1) as API Gateway sends it; `path` may carry a query string. */
export function createEvent(
  method: string,
  pathAndQuery: string,
  options: EventOptions = {},
): APIGatewayProxyEvent {
  const url = new URL(pathAndQuery, 'http://localhost');
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const headers = options.headers ?? {};
  const resource = matchResource(url.pathname);
  const hasQuery = Object.keys(query).length > 0;
  return {
    resource: resource?.resource ?? url.pathname,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: resource?.pathParameters ?? null,
    stageVariables: null,
    body: options.body ?? null,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      authorizer: options.subject === undefined ? null : { claims: { sub: options.subject } },
      httpMethod: method,
      identity: requestIdentity('127.0.0.1', 'jest'),
      path: `/test${url.pathname}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'test',
      resourcePath: resource?.resource ?? url.pathname,
      stage: 'test',
    },
  };
}
