/**
 * The local stand-in for API Gateway: turns each HTTP request into the REST API proxy event
 * (payload v1) that the deployed gateway sends, calls the same Lambda handler, and writes its
 * result back. There is no second implementation of the API. With `payloadFormat: '2.0'` it
 * stands in for an HTTP API instead (src/local/http-api-event.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { HttpApiHandler } from '../../gateway-events/http-api-v2';
import type { ProxyHandler } from '../../gateway-events/rest-api-v1';
import { getOwn, setOwn } from '../../gateway-events/wire';
import { type CorsPolicy, corsHeaders, preflightHeaders } from '../../http/cors';
import { BodyTooLargeError, UnauthenticatedError } from '../../http/errors';
import { problemResponse, renderProblem } from '../../http/problem';
import type { ProblemName } from '../../http/problem-types';
import { MAX_BODY_BYTES } from '../../http/request-body';
import { type PathMatch, type PathMatcher, pathMatcher } from '../../http/router';
import { jsonLogger } from '../../logger';
import type { GatewayAuthorizer } from './authorizer';
import { callHttpApi, type HttpApiEmulation, headerPairs, httpApiEvent } from './http-api-event';
import { type Mount, proxyEvent } from './rest-api-event';

/** API Gateway's own payload limit; larger requests never reach the Lambda. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * Where the local gateway stops reading. The function refuses anything over its own limit with
 * this same 413, so reading (and holding) up to API Gateway's 10 MiB first would only cost memory.
 */
const MAX_READ_BYTES = Math.min(GATEWAY_MAX_BODY_BYTES, MAX_BODY_BYTES);

/** How long the gateway waits, in milliseconds; API Gateway's integration timeout is 29 s. */
export interface GatewayTimeouts {
  /** For the request line and headers to arrive (Node's headersTimeout). */
  readonly headersMs?: number;
  /** For the whole request, body included (Node's requestTimeout): then 408 and the connection closes. */
  readonly requestMs?: number;
  /** For the function to answer: then 504, as API Gateway answers. */
  readonly integrationMs?: number;
}

const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 29_000, integrationMs: 29_000 } as const;

/** A REST API (payload v1, the default) or an HTTP API (payload v2) in front of the handler. */
export type GatewayOptions =
  | (GatewayBaseOptions & {
      readonly payloadFormat?: '1.0';
      readonly handler: ProxyHandler;
      /**
       * Verifies the Authorization header as the stage's authorizer does (./auth/local-authorizer.ts),
       * returning what goes into `requestContext.authorizer`. Requests to the API's resources it
       * refuses are answered 401 here and never reach the function.
       */
      readonly authorizer?: GatewayAuthorizer;
    })
  | (GatewayBaseOptions & {
      readonly payloadFormat: '2.0';
      readonly handler: HttpApiHandler;
      readonly authorizer?: HttpApiEmulation['authorizer'];
    });

interface GatewayBaseOptions {
  /** Resource templates (`/items/{itemId}`) with their methods, to fill `resource` and `pathParameters` as API Gateway does. */
  readonly resources: Readonly<Record<string, readonly string[]>>;
  /** Preflight requests are answered here, as the deployed gateway's mock integration does. */
  readonly cors: CorsPolicy;
  readonly port: number;
  readonly host?: string;
  readonly stage?: string;
  /**
   * Where the API is served: at the root (the default), or under `/<stage>` as on the execute-api
   * URL (`{ via: 'execute-api' }`), or under a custom domain's base path. The prefix is stripped
   * before routing, and the event says it as API Gateway does (./proxy-event.ts).
   */
  readonly mount?: Mount;
  /** Answers requests that are not the API's (the docs page, say) before API routing; true if it did. */
  readonly extraRoutes?: (request: IncomingMessage, response: ServerResponse) => boolean;
  readonly timeouts?: GatewayTimeouts;
}

export interface RunningGateway {
  readonly url: string;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const match = pathMatcher(Object.keys(options.resources));
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const requestMs = timeouts.requestMs;
  // The response in progress on each connection, so a timeout never writes over one.
  const inFlight = new WeakMap<Socket, ServerResponse>();
  const server = createServer(
    {
      requestTimeout: requestMs,
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(timeouts.headersMs, requestMs),
      // How often Node looks for expired requests (30 s by default, longer than the timeouts).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestMs / 4))),
    },
    (request, response) => {
      if (options.extraRoutes?.(request, response) === true) return;
      inFlight.set(request.socket, response);
      // Until its body has arrived too: a refusal sent early must not be followed by a 408.
      response.once('finish', () => {
        if (request.complete) inFlight.delete(request.socket);
        else request.once('end', () => inFlight.delete(request.socket));
      });
      serve(request, response, options, match, timeouts.integrationMs).catch((error: unknown) => {
        // A request cut off while its body was arriving has nobody left to answer.
        if (request.socket.destroyed) return;
        console.error(
          JSON.stringify({ level: 'error', message: 'local gateway failed', error: String(error) }),
        );
        writeResult(response, gatewayProblem(request.headers.origin, options, 'bad-gateway'));
      });
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const answering = inFlight.get(socket);
    if (socket.writable && error.code !== 'ECONNRESET' && answering?.headersSent !== true) {
      // Too slow (Node's request or headers timeout) or not HTTP at all: answered as problem+json
      // straight onto the socket, since Node has no response object for a request it could not read.
      const name = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request-timeout' : 'bad-request';
      socket.end(rawResponse(gatewayProblem(undefined, options, name)));
    }
    socket.destroy();
  });
  await listen(server, options.port, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: GatewayOptions,
  match: PathMatcher,
  integrationMs: number,
): Promise<void> {
  const origin = request.headers.origin;
  const url = parseTarget(request.url);
  if (url === undefined) {
    refuseUnread(request, response);
    writeResult(
      response,
      gatewayProblem(origin, options, 'bad-request', 'The request target is not a valid path and query.'),
    );
    return;
  }
  const stage = options.stage ?? 'local';
  const mount = options.mount ?? { via: 'domain' };
  const apiUrl = withinMount(url, mountPrefix(mount, stage));
  if (apiUrl === undefined) {
    refuseUnread(request, response);
    writeResult(response, gatewayProblem(origin, options, 'not-found'));
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    refuseUnread(request, response);
    writeResult(response, refusal(new BodyTooLargeError(MAX_BODY_BYTES), origin, options));
    return;
  }
  const resource = match(apiUrl.pathname);
  const methods = resource === undefined ? undefined : options.resources[resource.template];
  if (request.method === 'OPTIONS' && methods !== undefined) {
    writeResult(response, {
      statusCode: 204,
      headers: preflightHeaders(options.cors, origin, methods),
      body: '',
    });
    return;
  }
  if (options.payloadFormat === '2.0') {
    // An HTTP API route is a template *and* method; anything else goes to the $default route.
    const route = methods?.includes(request.method ?? '') === true ? resource : undefined;
    const event = httpApiEvent({
      method: request.method ?? 'GET',
      url: apiUrl,
      route,
      headers: headerPairs(request.rawHeaders),
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      protocol: `HTTP/${request.httpVersion}`,
    });
    writeResult(
      response,
      await withinIntegrationTimeout(callHttpApi(options, request, event), integrationMs, () =>
        gatewayProblem(origin, options, 'gateway-timeout'),
      ),
    );
    return;
  }
  const event = toProxyEvent(request, apiUrl, resource, body, stage, mount);
  if (options.authorizer !== undefined && methods !== undefined) {
    const methodArn = `arn:aws:execute-api:local:local:local/${stage}/${event.httpMethod}${apiUrl.pathname}`;
    const authorizer = await options.authorizer(request.headers.authorization, methodArn);
    if (authorizer === undefined) {
      // Answered here, like API Gateway's UNAUTHORIZED gateway response, with CORS headers so a
      // browser can read it.
      writeResult(response, refusal(new UnauthenticatedError(), origin, options));
      return;
    }
    event.requestContext.authorizer = authorizer;
  }
  writeResult(
    response,
    await withinIntegrationTimeout(options.handler(event), integrationMs, () =>
      gatewayProblem(origin, options, 'gateway-timeout'),
    ),
  );
}

/** The request target as a URL, or undefined when it is none (`//:99999/items`). */
function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function mountPrefix(mount: Mount, stage: string): string {
  if (mount.via === 'execute-api') return `/${stage}`;
  return mount.basePath === undefined ? '' : `/${mount.basePath}`;
}

/** The URL within the API, or undefined when the path is outside the mount's prefix. */
function withinMount(url: URL, prefix: string): URL | undefined {
  if (prefix === '') return url;
  const { pathname } = url;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  const inner = new URL(url);
  inner.pathname = pathname.slice(prefix.length) || '/';
  return inner;
}

function withinIntegrationTimeout(
  answer: Promise<APIGatewayProxyResult>,
  ms: number,
  timedOut: () => APIGatewayProxyResult,
): Promise<APIGatewayProxyResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<APIGatewayProxyResult>((resolve) => {
    timer = setTimeout(() => resolve(timedOut()), ms);
  });
  return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
}

function toProxyEvent(
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
    const values = getOwn(multiValueHeaders, name);
    if (values === undefined) setOwn(multiValueHeaders, name, [value]);
    else values.push(value);
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

function hostName(host: string | undefined): string {
  if (host === undefined) return 'localhost';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return 'localhost';
  }
}

function utf8Text(body: Buffer): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

/**
 * Reads the whole body, or returns undefined as soon as it passes the limit: a declared
 * Content-Length over it is refused before a byte is read, a streamed body when the count passes
 * it. Either way nothing past the limit is held.
 */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_READ_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_READ_BYTES) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      resolve(undefined);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** How long a refused request's unread body is drained (and dropped) so the client can read the answer. */
const LINGER_MS = 2_000;

/**
 * For an answer sent before the body was read: what is still arriving is discarded, not held, and
 * a connection still sending after LINGER_MS is closed (a lingering close, as nginx does, so the
 * client reads the refusal instead of a reset).
 */
function refuseUnread(request: IncomingMessage, response: ServerResponse): void {
  response.once('finish', () => {
    if (request.complete) return;
    const timer = setTimeout(() => request.socket.destroy(), LINGER_MS);
    const done = () => clearTimeout(timer);
    request.once('end', done);
    request.socket.once('close', done);
    request.resume();
  });
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResult): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    response.setHeader(name, values.map(String));
  response.statusCode = result.statusCode;
  response.end(result.isBase64Encoded === true ? Buffer.from(result.body, 'base64') : result.body);
}

/** A whole HTTP/1.1 response as bytes, for a connection Node has no response object for. */
function rawResponse(result: APIGatewayProxyResult): string {
  const headers = Object.entries(result.headers ?? {}).map(
    ([name, value]) => `${name}: ${String(value)}\r\n`,
  );
  return `HTTP/1.1 ${result.statusCode} ${STATUS_CODES[result.statusCode] ?? ''}\r\n${headers.join('')}content-length: ${Buffer.byteLength(result.body)}\r\nconnection: close\r\n\r\n${result.body}`;
}

/** A known error the function would answer the same way, answered here with CORS headers. */
function refusal(error: Error, origin: string | undefined, options: GatewayOptions): APIGatewayProxyResult {
  const refused = problemResponse(error, randomUUID(), jsonLogger);
  return {
    statusCode: refused.status,
    headers: { ...refused.headers, ...corsHeaders(options.cors, origin) },
    body: refused.body ?? '',
  };
}

/** An answer the gateway gives itself, rendered from the problem catalog as the deployed gateway's responses are. */
function gatewayProblem(
  origin: string | undefined,
  options: GatewayOptions,
  name: ProblemName,
  detail?: string,
): APIGatewayProxyResult {
  const problem = renderProblem({ name, ...(detail !== undefined && { detail }) }, randomUUID());
  return {
    statusCode: problem.status,
    headers: { ...problem.headers, ...corsHeaders(options.cors, origin) },
    body: problem.body ?? '',
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
