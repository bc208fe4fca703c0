/**
 * The HTTP API side of the local gateway (`payloadFormat: '2.0'`): the payload v2 event an API
 * Gateway HTTP API sends for a request, built here once for the local gateway and the tests' event
 * factory, and the exchange around it (JWT authorizer when the gateway has one, result back).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResult,
} from 'aws-lambda';
import type { HttpApiHandler } from '../../gateway-events/http-api-v2';
import { type CorsPolicy, corsHeaders } from '../../http/middleware/cors';
import type { PathMatch } from '../../http/router';

export interface HttpApiEventParts {
  readonly method: string;
  /** The request URL; its path and raw query fill the event. */
  readonly url: URL;
  /** The route the request matched (a template with this method declared); undefined: the `$default` route. */
  readonly route: PathMatch | undefined;
  /** Header name/value pairs as they arrived, repeats included. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
}

/** The HTTP API event (payload v2) for a request, without authorizer claims. */
export function httpApiEvent(parts: HttpApiEventParts): APIGatewayProxyEventV2 {
  const { method, url, route } = parts;
  // Lower-cased names, repeats joined with commas, Cookie headers moved to `cookies`: as AWS documents v2.
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of parts.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') cookies.push(...value.split(/;\s*/).filter((cookie) => cookie !== ''));
    else headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const routeKey = route === undefined ? '$default' : `${method} ${route.template}`;
  const text = parts.body.length === 0 || isTextual(headers['content-type']);
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: url.hostname.split('.')[0] ?? 'local',
      http: {
        method,
        path: url.pathname,
        protocol: parts.protocol,
        sourceIp: parts.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(parts.body.length > 0 && { body: parts.body.toString(text ? 'utf8' : 'base64') }),
    ...(route !== undefined &&
      Object.keys(route.pathParameters).length > 0 && { pathParameters: route.pathParameters }),
    isBase64Encoded: !text,
  };
}

/** Node's `rawHeaders` (name, value, name, value…) as pairs, repeats kept. */
export function headerPairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    const value = rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/** HTTP APIs pass text bodies as they are and base64-encode the rest. */
function isTextual(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^text\/|[/+](json|xml)$|^application\/(javascript|x-www-form-urlencoded)$/.test(type);
}

export interface HttpApiEmulation {
  readonly handler: HttpApiHandler;
  readonly cors: CorsPolicy;
  /**
   * The JWT authorizer, when the emulated API has one: requests on the API's routes without valid
   * claims get the HTTP API's own 401 body, which no setting changes. Without one, the function
   * verifies tokens itself (see src/auth/authenticating.ts).
   */
  readonly authorizer?: (authorization: string | undefined) => Promise<Record<string, unknown> | undefined>;
}

/** One request through the emulated HTTP API: authorizer, function, and its v2 result in the shape the gateway writes. */
export async function callHttpApi(
  emulation: HttpApiEmulation,
  request: IncomingMessage,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyResult> {
  let authorized: APIGatewayProxyEventV2 = event;
  if (emulation.authorizer !== undefined && event.routeKey !== '$default') {
    const claims = await emulation.authorizer(request.headers.authorization);
    // A subject that is not a string names no one: refused here, as the REST emulation refuses it.
    if (claims === undefined || typeof claims.sub !== 'string') {
      return {
        statusCode: 401,
        headers: {
          'content-type': 'application/json',
          ...corsHeaders(emulation.cors, request.headers.origin),
        },
        body: '{"message":"Unauthorized"}',
      };
    }
    const withClaims: APIGatewayProxyEventV2WithJWTAuthorizer = {
      ...event,
      requestContext: {
        ...event.requestContext,
        authorizer: { jwt: { claims: stringClaims(claims), scopes: null } },
      },
    };
    authorized = withClaims;
  }
  const result = await emulation.handler(authorized);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  return {
    statusCode: result.statusCode ?? 200,
    headers,
    ...(result.cookies !== undefined && { multiValueHeaders: { 'set-cookie': result.cookies } }),
    body: result.body ?? '',
    ...(result.isBase64Encoded === true && { isBase64Encoded: true }),
  };
}

/** Claims as the JWT authorizer hands them over: every value a string, arrays as `[a b]`. */
function stringClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
}
