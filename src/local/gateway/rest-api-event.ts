/**
 * The REST API proxy event (payload v1) API Gateway sends for a request: built here once, for the
 * local gateway (from the Node request) and for the tests' event factory, so both hand the Lambda
 * what AWS would.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getOwn, setOwn } from '../../gateway-events/wire';
import type { PathMatch } from '../../http/router';

/**
 * How a client's URL reaches the stage, which decides `path` and `requestContext.path` (the path as
 * the client sent it) for a request to `/items`:
 * - `execute-api`: `https://<api>.execute-api.<region>.amazonaws.com/<stage>/items`: `path` is
 *   `/items`, `requestContext.path` `/<stage>/items`;
 * - `domain` with `basePath` v1 (a custom domain's base path mapping): `https://api.example.com/v1/items`:
 *   both are `/v1/items` (API Gateway keeps the mapping in `path`);
 * - `domain` without a base path (a root mapping, and the local server): both are `/items`.
 */
export type Mount = { readonly via: 'execute-api' } | { readonly via: 'domain'; readonly basePath?: string };

export interface ProxyEventParts {
  readonly method: string;
  /** The request URL within the API (no stage or base path); its path and query fill the event. */
  readonly url: URL;
  /** At a domain's root (as the local server is) unless given. */
  readonly mount?: Mount;
  /** `requestContext.domainName`: the host the client called, without a port. */
  readonly domainName?: string;
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
    appendOwn(multiQuery, name, value);
  }
  const hasQuery = Object.keys(query).length > 0;
  const resourcePath = resource?.template ?? url.pathname;
  const mount = parts.mount ?? { via: 'domain' };
  const prefix = mountPrefix(mount, stage);
  const domainName = parts.domainName ?? 'localhost';
  return {
    resource: resourcePath,
    path: mount.via === 'execute-api' ? url.pathname : `${prefix}${url.pathname}`,
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
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      httpMethod: parts.method,
      identity: requestIdentity(
        parts.sourceIp,
        getOwn(headers, 'User-Agent') ?? getOwn(headers, 'user-agent') ?? null,
      ),
      path: `${prefix}${url.pathname}`,
      protocol: parts.protocol,
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath,
      stage,
    },
  };
}

/** The path prefix the client's URL has before the API's own path: the stage, a base path, or none. */
export function mountPrefix(mount: Mount, stage: string): string {
  if (mount.via === 'execute-api') return `/${stage}`;
  return mount.basePath === undefined ? '' : `/${mount.basePath}`;
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

/** The proxy event for a request the local gateway received, `url` already within the API. */
export function requestProxyEvent(
  request: IncomingMessage,
  url: URL,
  resource: PathMatch | undefined,
  body: Buffer,
  stage: string,
  mount: Mount,
): APIGatewayProxyEvent {
  // As API Gateway fills them: `headers` keeps a repeated header's last value, `multiValueHeaders`
  // every value, so the function can tell that a header was sent twice.
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i];
    const value = request.rawHeaders[i + 1];
    if (name === undefined || value === undefined) continue;
    setOwn(headers, name, value);
    appendOwn(multiValueHeaders, name, value);
  }
  const text = body.length > 0 ? utf8Text(body) : null;
  return proxyEvent({
    method: request.method ?? 'GET',
    url,
    resource,
    headers,
    multiValueHeaders,
    // Bytes that are not UTF-8 travel base64-encoded, as API Gateway sends binary bodies; the
    // function refuses them, in one place for both entries.
    body: text ?? (body.length > 0 ? body.toString('base64') : null),
    isBase64Encoded: text === null && body.length > 0,
    stage,
    mount,
    // API Gateway names the host the client called; locally, the Host header's, without its port.
    domainName: hostName(request.headers.host),
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    protocol: `HTTP/${request.httpVersion}`,
  });
}

/** Adds a value to a multi-value record's list for `name` (an own property, whatever the name). */
function appendOwn(record: Record<string, string[]>, name: string, value: string): void {
  const values = getOwn(record, name);
  if (values === undefined) setOwn(record, name, [value]);
  else values.push(value);
}

function hostName(host: string | undefined): string {
  if (host === undefined) return 'localhost';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return 'localhost';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Text(body: Buffer): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}
