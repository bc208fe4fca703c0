/**
 * Converts API Gateway REST API proxy events (payload v1) to neutral HttpRequests and HttpResponses
 * back to proxy results. With lambda.ts, the only code that sees Lambda types.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Caller, HttpApp, HttpRequest } from '../http/http-types';
import { decodeBody, getOwn, setOwn } from './wire';

export type ProxyHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/** Adapts an HttpApp to proxy events; exported so tests can drive an app built with overrides. */
export function toProxyHandler(app: HttpApp): ProxyHandler {
  return async (event) => {
    const response = await app(toHttpRequest(event));
    return { statusCode: response.status, headers: response.headers, body: response.body ?? '' };
  };
}

// Runs on every request: plain loops, no intermediate arrays.
function toHttpRequest(event: APIGatewayProxyEvent): HttpRequest {
  const basePath = basePathOf(event.requestContext.path, event.resource);
  const { body, bodyUnreadable } = decodeBody(event.body, event.isBase64Encoded);
  // Every member present, absent ones undefined: one object shape for every request.
  return {
    method: event.httpMethod.toUpperCase(),
    path: apiPathOf(event, basePath),
    basePath: basePath === '' ? undefined : basePath,
    // The resource API Gateway routed on; locally, the gateway fills it the same way.
    routeHint:
      event.resource === ''
        ? undefined
        : { template: event.resource, pathParameters: definedValues(event.pathParameters) },
    headers: lowerCaseHeaders(event),
    query: queryOf(event),
    body,
    bodyUnreadable,
    requestId: event.requestContext.requestId,
    caller: callerOf(event.requestContext.authorizer),
  };
}

/**
 * Who the stage's authorizer vouched for; the body never names the caller. A Cognito authorizer
 * leaves the token's claims in `authorizer.claims`; the JWT Lambda authorizer
 * (src/auth/token-authorizer.ts) its flat string context, `authorizer.sub`. Only a non-empty
 * string names a caller: a list, an object or a number is nobody, and is never String()ed.
 */
function callerOf(authorizer: unknown): Caller | undefined {
  if (typeof authorizer !== 'object' || authorizer === null) return undefined;
  const claims = 'claims' in authorizer ? authorizer.claims : undefined;
  const subject =
    typeof claims === 'object' && claims !== null
      ? 'sub' in claims
        ? claims.sub
        : undefined
      : 'sub' in authorizer
        ? authorizer.sub
        : undefined;
  return typeof subject === 'string' && subject !== '' ? { subject } : undefined;
}

/**
 * The part of the path the client sent (`requestContext.path`: `/dev/items/1` on execute-api,
 * `/v1/items/1` under a base path mapping, `/items/1` at a domain's root) before the segments the
 * matched resource (`/items/{itemId}`) accounts for: `/dev`, `/v1` or ''. Counted in segments, so
 * a trailing slash or an encoded path parameter cannot shift it.
 */
export function basePathOf(publicPath: string | undefined, resource: string): string {
  if (publicPath === undefined || resource === '' || resource.includes('+}')) return '';
  const prefix = segmentCount(publicPath) - segmentCount(resource);
  if (prefix <= 0) return '';
  // Where the first `prefix` segments end, scanned in place, as this runs on every request. With one
  // slash before each segment (what gateways send) that prefix is the base path as it stands.
  let regular = publicPath.charCodeAt(0) === SLASH;
  let taken = 0;
  let start = -1;
  let end = publicPath.length;
  for (let i = 0; i <= publicPath.length; i++) {
    if (i < publicPath.length && publicPath.charCodeAt(i) !== SLASH) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) {
      if (i > 0) regular = false;
      continue;
    }
    start = -1;
    if (++taken === prefix) {
      end = i;
      break;
    }
  }
  const prefixText = publicPath.slice(0, end);
  // Empty segments (`//dev//items`) are dropped: segmentCount does not count them either.
  if (regular) return prefixText;
  const segments = prefixText.split('/').filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

const SLASH = 0x2f;

/** Non-empty segments, so `/dev//items/` counts two. */
function segmentCount(path: string): number {
  let count = 0;
  let inSegment = false;
  for (let i = 0; i < path.length; i++) {
    const slash = path.charCodeAt(i) === SLASH;
    if (!slash && !inSegment) count++;
    inSegment = !slash;
  }
  return count;
}

/**
 * `event.path` without a custom domain's base path: API Gateway leaves the mapping in `path` (and
 * in `requestContext.path`, which is how it shows), while on execute-api `path` has no stage.
 */
function apiPathOf(event: APIGatewayProxyEvent, basePath: string): string {
  const { path } = event;
  if (basePath === '' || path !== event.requestContext.path || !path.startsWith(basePath)) return path;
  return path.slice(basePath.length) || '/';
}

/**
 * Header names in lower case. A header sent more than once (in any casing) keeps every value,
 * joined with ", " as RFC 9110 §5.3 combines field lines, so two Content-Types cannot pass as
 * one: `headers` would hold only the last.
 */
function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  const multi = event.multiValueHeaders;
  if (multi === null || multi === undefined) {
    const single = event.headers ?? {};
    for (const name in single) {
      const value = single[name];
      if (value !== undefined) setOwn(headers, name.toLowerCase(), value);
    }
    return headers;
  }
  for (const name in multi) {
    const values = multi[name];
    if (values === undefined || values.length === 0) continue;
    const joined = values.length === 1 ? (values[0] ?? '') : values.join(', ');
    const lower = name.toLowerCase();
    const earlier = getOwn(headers, lower);
    setOwn(headers, lower, earlier === undefined ? joined : `${earlier}, ${joined}`);
  }
  return headers;
}

function queryOf(event: APIGatewayProxyEvent): Record<string, string | readonly string[]> {
  const query: Record<string, string | readonly string[]> = {};
  const single = event.queryStringParameters ?? {};
  const multi = event.multiValueQueryStringParameters ?? {};
  for (const name in single) {
    const value = single[name];
    const values = getOwn(multi, name);
    if (value !== undefined) setOwn(query, name, values !== undefined && values.length > 1 ? values : value);
  }
  return query;
}

function definedValues(parameters: Record<string, string | undefined> | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in parameters) {
    const value = parameters[name];
    if (value !== undefined) setOwn(result, name, value);
  }
  return result;
}
