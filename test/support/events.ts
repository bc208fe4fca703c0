import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import spec from '../../generated/openapi.json';
import { pathMatcher } from '../../src/http/router';
import { httpApiEvent } from '../../src/local/gateway/http-api-event';
import { proxyEvent } from '../../src/local/gateway/rest-api-event';
import { methodsByTemplate } from '../../src/spec/openapi-document';

export interface EventOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly subject?: string;
  readonly isBase64Encoded?: boolean;
}

const matchPath = pathMatcher(Object.keys(spec.paths));
const methods = methodsByTemplate(spec);

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

export interface HttpApiEventOptions extends Omit<EventOptions, 'subject' | 'isBase64Encoded'> {
  /** Claims a JWT authorizer verified; none when the route has no authorizer (the function then verifies). */
  readonly claims?: Record<string, string | number | boolean | string[]>;
  /** The body's bytes go base64-encoded, as an HTTP API sends bodies it does not take for text. */
  readonly base64?: boolean;
}

/** An HTTP API event (payload v2) as API Gateway sends it; `path` may carry a query string. */
export function createHttpApiEvent(
  method: string,
  pathAndQuery: string,
  options: HttpApiEventOptions = {},
): APIGatewayProxyEventV2 {
  const url = new URL(pathAndQuery, 'http://localhost');
  const match = matchPath(url.pathname);
  const event = httpApiEvent({
    method,
    url,
    route: match !== undefined && methods[match.template]?.includes(method) === true ? match : undefined,
    headers: Object.entries(options.headers ?? {}),
    body: Buffer.from(options.body ?? ''),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
  });
  const encoded =
    options.base64 === true && event.body !== undefined
      ? { ...event, body: Buffer.from(options.body ?? '').toString('base64'), isBase64Encoded: true }
      : event;
  if (options.claims === undefined) return encoded;
  const withClaims: APIGatewayProxyEventV2WithJWTAuthorizer = {
    ...encoded,
    requestContext: {
      ...encoded.requestContext,
      authorizer: { jwt: { claims: options.claims, scopes: null } },
    },
  };
  return withClaims;
}
