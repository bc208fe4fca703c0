/**
 * A fault-injecting HTTP proxy between a client (the SDK) and the API: every request is forwarded
 * to `target` unless a fault hits it. Faults happen on the wire, so what is tested is the client's
 * own retries, keys and timeouts against the real server; the DynamoDB-side twin is fault-proxy.ts.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readAll } from './fault-proxy';

export type HttpFault =
  /** Forward the request (the server commits it), then destroy the client's connection instead of answering. */
  | 'drop-after-forward'
  /** Destroy the client's connection without forwarding: nothing reached the server. */
  | 'reset'
  /** Answer 503 service-unavailable with Retry-After, without forwarding. */
  | 'unavailable'
  /** Answer 429 too-many-requests with Retry-After, without forwarding. */
  | 'throttle';

export const HTTP_FAULTS: readonly HttpFault[] = ['drop-after-forward', 'reset', 'unavailable', 'throttle'];

export interface ProxiedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export interface HttpFaultRule {
  readonly fault: HttpFault;
  /** Which requests it hits; every one when absent (preflights are never hit). */
  readonly matches?: (request: ProxiedRequest) => boolean;
  /** How many matching requests to hit; all of them when absent. */
  readonly times?: number;
}

export interface HttpFaultProxy {
  readonly url: string;
  /** Adds a rule; rules are tried in the order added. */
  inject(rule: HttpFaultRule): void;
  /** Decides per request instead of (after) the rules: a random fault mix, say. */
  choose(chooser: (request: ProxiedRequest) => HttpFault | undefined): void;
  clear(): void;
  /** Requests received (preflights excluded), and faults injected by kind. */
  readonly counts: { requests: number; faults: Record<HttpFault, number> };
  close(): Promise<void>;
}

/** The headers the API exposes to browsers (CORS), so an injected answer is as readable as a real one. */
const EXPOSED = 'Retry-After, Idempotent-Replayed, Location, ETag, X-Request-Id';

export async function startHttpFaultProxy(target: string): Promise<HttpFaultProxy> {
  const upstream = new URL(target);
  const rules: { rule: HttpFaultRule; remaining: number }[] = [];
  let chooser: ((request: ProxiedRequest) => HttpFault | undefined) | undefined;
  const counts = {
    requests: 0,
    faults: { 'drop-after-forward': 0, reset: 0, unavailable: 0, throttle: 0 },
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function pick(proxied: ProxiedRequest): HttpFault | undefined {
    if (proxied.method === 'OPTIONS') return undefined;
    const active = rules.find(({ rule, remaining }) => remaining > 0 && (rule.matches?.(proxied) ?? true));
    if (active !== undefined) {
      active.remaining -= 1;
      return active.rule.fault;
    }
    return chooser?.(proxied);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const proxied = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (proxied.method !== 'OPTIONS') counts.requests += 1;
    const fault = pick(proxied);
    if (fault !== undefined) counts.faults[fault] += 1;
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'unavailable') return problem(req, res, 503, 'service-unavailable', 'Service unavailable');
    if (fault === 'throttle') return problem(req, res, 429, 'too-many-requests', 'Too many requests');
    const reply = await forward(upstream, req, body);
    if (fault === 'drop-after-forward') return void req.socket.destroy();
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (rule) => {
      rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    choose: (next) => {
      chooser = next;
    },
    clear: () => {
      rules.length = 0;
      chooser = undefined;
    },
    counts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function problem(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  name: string,
  title: string,
): void {
  const body = JSON.stringify({
    type: `/problems/${name}`,
    title,
    status,
    detail: 'Injected by the HTTP fault proxy; nothing was forwarded.',
  });
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'retry-after': '1',
    ...(req.headers.origin !== undefined && {
      'access-control-allow-origin': req.headers.origin,
      'access-control-expose-headers': EXPOSED,
    }),
  });
  res.end(body);
}

function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (reply) => {
        readAll(reply).then((replyBody) => {
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(reply.headers))
            if (value !== undefined) headers[name] = value;
          resolve({ status: reply.statusCode ?? 502, headers, body: replyBody });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
