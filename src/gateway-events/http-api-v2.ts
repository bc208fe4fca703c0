/**
 * Converts API Gateway HTTP API events (payload format 2.0) to neutral HttpRequests, and
 * HttpResponses back to v2 results: the v2 counterpart of src/gateway-events/rest-api-v1.ts, so the app behind
 * either gateway sees the same request. With lambda.ts, the only code that sees v2 Lambda types.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Caller, HttpApp, HttpRequest, HttpResponse, RouteHint } from '../http/http-types';
import { decodeBody, getOwn, setOwn } from './wire';

export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** Adapts an HttpApp to HTTP API (payload v2) events; exported so tests can drive an app built with overrides. */
export function toHttpApiHandler(app: HttpApp): HttpApiHandler {
  return async (event) => toResult(await app(toHttpRequest(event)));
}

// Runs on every request: plain loops; own-property records (a `__proto__` header stays a header).
export function toHttpRequest(event: APIGatewayProxyEventV2): HttpRequest {
  const headers: Record<string, string> = {};
  for (const name in event.headers) {
    const value = event.headers[name];
    if (value !== undefined) setOwn(headers, name.toLowerCase(), value);
  }
  // v2 moves Cookie headers into `cookies`; the app reads headers, as it does behind the REST API.
  if (event.cookies !== undefined && event.cookies.length > 0) headers.cookie = event.cookies.join('; ');
  const { body, bodyUnreadable } = decodeBody(event.body, event.isBase64Encoded);
  return {
    method: event.requestContext.http.method.toUpperCase(),
    // rawPath is the path as sent (the API uses the $default stage, so it carries no stage prefix).
    path: event.rawPath,
    routeHint: routeHint(event.routeKey, event.pathParameters),
    headers,
    query: parseQuery(event.rawQueryString),
    body,
    bodyUnreadable,
    requestId: event.requestContext.requestId,
    caller: jwtCaller(event.requestContext),
  };
}

/**
 * `queryStringParameters` joins a repeated key's values with commas, which would turn `?status=a&status=b`
 * into one valid-looking value; the raw query keeps them apart, so validation rejects them as on v1.
 */
function parseQuery(rawQueryString: string): Record<string, string | readonly string[]> {
  const query: Record<string, string | string[]> = {};
  if (rawQueryString === '') return query;
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const seen = getOwn(query, name);
    if (seen === undefined) setOwn(query, name, value);
    else if (typeof seen === 'string') setOwn(query, name, [seen, value]);
    else seen.push(value);
  }
  return query;
}

/** `GET /items/{itemId}` → the template `/items/{itemId}`; the `$default` route matched nothing. */
function routeHint(
  routeKey: string,
  parameters: Record<string, string | undefined> | undefined,
): RouteHint | undefined {
  const space = routeKey.indexOf(' ');
  if (space < 0) return undefined;
  const pathParameters: Record<string, string> = {};
  for (const name in parameters) {
    const value = parameters[name];
    if (value !== undefined) setOwn(pathParameters, name, value);
  }
  return { template: routeKey.slice(space + 1), pathParameters };
}

/** The subject a JWT authorizer verified (`authorizer.jwt.claims.sub`), only when it is a non-empty string. */
function jwtCaller(context: APIGatewayProxyEventV2['requestContext']): Caller | undefined {
  if (!('authorizer' in context)) return undefined;
  const { authorizer } = context;
  if (typeof authorizer !== 'object' || authorizer === null || !('jwt' in authorizer)) return undefined;
  const { jwt } = authorizer;
  if (typeof jwt !== 'object' || jwt === null || !('claims' in jwt)) return undefined;
  const { claims } = jwt;
  if (typeof claims !== 'object' || claims === null || !('sub' in claims)) return undefined;
  const subject = claims.sub;
  return typeof subject === 'string' && subject !== '' ? { subject } : undefined;
}

/** The v2 result: no multiValueHeaders in this format; a Set-Cookie header travels as `cookies`. */
function toResult(response: HttpResponse): APIGatewayProxyStructuredResultV2 {
  const body = response.body ?? '';
  const setCookie = response.headers['set-cookie'];
  if (setCookie === undefined)
    return { statusCode: response.status, headers: response.headers, body, isBase64Encoded: false };
  const headers: Record<string, string> = {};
  for (const name in response.headers) {
    const value = response.headers[name];
    if (name !== 'set-cookie' && value !== undefined) headers[name] = value;
  }
  return { statusCode: response.status, headers, body, isBase64Encoded: false, cookies: [setCookie] };
}
