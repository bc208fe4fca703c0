/**
 * The local stand-in for API Gateway: turns each HTTP request into the REST API proxy event
 * (payload v1) that the deployed gateway sends, calls the same Lambda handler, and writes its
 * result back. There is no second implementation of the API. With `payloadFormat: '2.0'` it
 * stands in for an HTTP API instead (src/local/http-api-event.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { HttpApiHandler } from '../gateway-events/http-api-v2';
import { type CorsPolicy, corsHeaders, preflightHeaders } from '../http/cors';
import { UnauthenticatedError } from '../http/errors';
import { problemResponse, renderProblem } from '../http/problem';
import type { ProblemName } from '../http/problem-types';
import { type PathMatch, type PathMatcher, pathMatcher } from '../http/router';
import type { ProxyHandler } from '../lambda-proxy';
import { jsonLogger } from '../logger';
import { callHttpApi, headerPairs, httpApiEvent } from './http-api-event';
import { proxyEvent } from './proxy-event';

/** API Gateway's own payload limit; larger requests never reach the Lambda. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A REST API (payload v1, the default) or an HTTP API (payload v2) in front of the handler. */
export type GatewayOptions =
  | (GatewayBaseOptions & { readonly payloadFormat?: '1.0'; readonly handler: ProxyHandler })
  | (GatewayBaseOptions & { readonly payloadFormat: '2.0'; readonly handler: HttpApiHandler });

interface GatewayBaseOptions {
  /** Resource templates (`/items/{itemId}`) with their methods, to fill `resource` and `pathParameters` as API Gateway does. */
  readonly resources: Readonly<Record<string, readonly string[]>>;
  /** Preflight requests are answered here, as the deployed gateway's mock integration does. */
  readonly cors: CorsPolicy;
  /**
   * Verifies the Authorization header as the stage's authorizer does, returning the token's claims
   * or undefined. Requests to the API's resources without valid claims are answered 401 here and
   * never reach the function; valid claims go into the event where API Gateway puts them.
   */
  readonly authorizer?: (authorization: string | undefined) => Promise<Record<string, unknown> | undefined>;
  readonly port: number;
  readonly host?: string;
  readonly stage?: string;
}

export interface RunningGateway {
  readonly url: string;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const match = pathMatcher(Object.keys(options.resources));
  const server = createServer((request, response) => {
    serve(request, response, options, match).catch((error: unknown) => {
      console.error(
        JSON.stringify({ level: 'error', message: 'local gateway failed', error: String(error) }),
      );
      writeResult(response, gatewayProblem(request, options, 'bad-gateway'));
    });
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
): Promise<void> {
  const body = await readBody(request);
  if (body === undefined) {
    writeResult(
      response,
      gatewayProblem(
        request,
        options,
        'body-too-large',
        `The request body exceeds ${GATEWAY_MAX_BODY_BYTES} bytes.`,
      ),
    );
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const resource = match(url.pathname);
  const methods = resource === undefined ? undefined : options.resources[resource.template];
  if (request.method === 'OPTIONS' && methods !== undefined) {
    writeResult(response, {
      statusCode: 204,
      headers: preflightHeaders(options.cors, request.headers.origin, methods),
      body: '',
    });
    return;
  }
  if (options.payloadFormat === '2.0') {
    // An HTTP API route is a template *and* method; anything else goes to the $default route.
    const route = methods?.includes(request.method ?? '') === true ? resource : undefined;
    const event = httpApiEvent({
      method: request.method ?? 'GET',
      url,
      route,
      headers: headerPairs(request.rawHeaders),
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      protocol: `HTTP/${request.httpVersion}`,
    });
    writeResult(response, await callHttpApi(options, request, event));
    return;
  }
  const event = toProxyEvent(request, url, resource, body, options.stage ?? 'local');
  if (options.authorizer !== undefined && methods !== undefined) {
    const claims = await options.authorizer(request.headers.authorization);
    if (claims === undefined) {
      const denied = problemResponse(new UnauthenticatedError(), event.requestContext.requestId, jsonLogger);
      // Answered here, like API Gateway's UNAUTHORIZED gateway response, with CORS headers so a
      // browser can read it.
      writeResult(response, {
        statusCode: denied.status,
        headers: { ...denied.headers, ...corsHeaders(options.cors, request.headers.origin) },
        body: denied.body ?? '',
      });
      return;
    }
    // Cognito authorizers hand claims over as strings.
    event.requestContext.authorizer = {
      claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, String(value)])),
    };
  }
  writeResult(response, await options.handler(event));
}

function toProxyEvent(
  request: IncomingMessage,
  url: URL,
  resource: PathMatch | undefined,
  body: Buffer,
  stage: string,
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i];
    const value = request.rawHeaders[i + 1];
    if (name === undefined || value === undefined) continue;
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  return proxyEvent({
    method: request.method ?? 'GET',
    url,
    resource,
    headers,
    multiValueHeaders,
    body: body.length > 0 ? body.toString('utf8') : null,
    stage,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    protocol: `HTTP/${request.httpVersion}`,
  });
}

/** Reads the whole body, or returns undefined once it passes the gateway's limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > GATEWAY_MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResult): void {
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    response.setHeader(name, values.map(String));
  response.statusCode = result.statusCode;
  response.end(result.isBase64Encoded === true ? Buffer.from(result.body, 'base64') : result.body);
}

/** An answer the gateway gives itself, rendered from the problem catalog as the deployed gateway's responses are. */
function gatewayProblem(
  request: IncomingMessage,
  options: GatewayOptions,
  name: ProblemName,
  detail?: string,
): APIGatewayProxyResult {
  const problem = renderProblem({ name, ...(detail !== undefined && { detail }) }, randomUUID());
  return {
    statusCode: problem.status,
    headers: { ...problem.headers, ...corsHeaders(options.cors, request.headers.origin) },
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
