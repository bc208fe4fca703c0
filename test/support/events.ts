import type { APIGatewayProxyEvent } from 'aws-lambda';
import spec from '../../generated/openapi.json';
import { pathMatcher } from '../../src/http/router';
import { proxyEvent } from '../../src/local/proxy-event';

export interface EventOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly subject?: string;
  readonly isBase64Encoded?: boolean;
}

const matchPath = pathMatcher(Object.keys(spec.paths));

/** A REST API proxy event (payload v1) as API Gateway sends it; `path` may carry a query string. */
export function createEvent(
  method: string,
  pathAndQuery: string,
  options: EventOptions = {},
): APIGatewayProxyEvent {
  const url = new URL(pathAndQuery, 'http://localhost');
  const headers = options.headers ?? {};
  const event = proxyEvent({
    method,
    url,
    resource: matchPath(url.pathname),
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    body: options.body ?? null,
    isBase64Encoded: options.isBase64Encoded ?? false,
    stage: 'test',
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
  });
  // As a Cognito authorizer leaves it when it has verified the caller's token.
  if (options.subject !== undefined) event.requestContext.authorizer = { claims: { sub: options.subject } };
  return event;
}
