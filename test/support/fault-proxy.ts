/**
 * A fault-injecting HTTP proxy for DynamoDB: the app's DYNAMODB_ENDPOINT points here, every call
 * is forwarded to the run's DynamoDB Local, and injected faults hit the calls they name. Faults
 * happen on the wire, so the SDK's own retries, timeouts and connection handling are what is
 * tested; nothing replaces `send()`.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Forward the call (DynamoDB commits it), then destroy the client's socket instead of answering. */
  | 'drop-after-commit'
  /** Forward the call, then never answer: the client's attempt must time out. */
  | 'hold'
  /** Answer 500 InternalServerError without forwarding. */
  | 'server-error'
  /** Answer 400 ProvisionedThroughputExceededException without forwarding. */
  | 'throttle';

export interface FaultRule {
  readonly fault: Fault;
  /** The DynamoDB operation to hit (`UpdateItem`, `TransactWriteItems`, …); every one when absent. */
  readonly operation?: string;
  /** How many matching calls to hit; all of them when absent. */
  readonly times?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Adds a rule; rules are tried in the order added. */
  inject(rule: FaultRule): void;
  /** Removes every rule: calls are forwarded untouched again. */
  clear(): void;
  /** Stops listening and drops every connection: new connections are refused until accept(). */
  refuse(): Promise<void>;
  accept(): Promise<void>;
  /** The operations the proxy received, in order (faulted ones included). */
  readonly received: readonly string[];
  close(): Promise<void>;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

const THROTTLED = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'Injected: the level of configured provisioned throughput for the table was exceeded.',
});
const SERVER_ERROR = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  message: 'Injected: internal server error.',
});

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: ActiveRule[] = [];
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    received.push(operation);
    const fault = take(operation);
    if (fault === 'server-error') return answer(res, 500, SERVER_ERROR);
    if (fault === 'throttle') return answer(res, 400, THROTTLED);
    const reply = await forward(req, body);
    if (fault === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hold') {
      held.add(res);
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  function take(operation: string): Fault | undefined {
    const active = rules.find(
      ({ rule, remaining }) =>
        remaining > 0 && (rule.operation === undefined || rule.operation === operation),
    );
    if (active === undefined) return undefined;
    active.remaining -= 1;
    return active.rule.fault;
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      const outgoing = request(
        { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
        (reply) => {
          void readAll(reply).then((replyBody) => {
            const replyHeaders: Record<string, string | string[]> = {};
            for (const [name, value] of Object.entries(reply.headers)) {
              if (value !== undefined) replyHeaders[name] = value;
            }
            resolve({ status: reply.statusCode ?? 502, headers: replyHeaders, body: replyBody });
          }, reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  async function listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  async function stopListening(): Promise<void> {
    for (const response of held) response.destroy();
    held.clear();
    for (const socket of sockets) socket.destroy();
    if (!server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    inject: (rule) => {
      rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clear: () => {
      rules.length = 0;
    },
    refuse: stopListening,
    accept: async () => {
      if (!server.listening) await listen(port);
    },
    received,
    close: stopListening,
  };
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** A request's or response's whole body. */
export function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
