/**
 * createItemsApi: one method per row of the generated operation table, so an operation the spec
 * adds is a method after `npm run generate`, with its key, If-Match and paging as declared.
 */

import { toCall, toPagedCall } from './call.js';
import { type OperationId, operations } from './generated/operations.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { ifMatchHeader } from './if-match.js';
import { type PreparedRequest, send, type TokenSource, type Transport } from './send.js';
import type { IfMatch, ItemsApi, OperationMethods } from './types.js';
import { uploadMedia } from './upload-media.js';

export interface ItemsApiOptions {
  /** The API's root, e.g. `http://localhost:3000` or `https://…/dev`. */
  readonly baseUrl: string;
  /** The bearer token, or a function asked before every attempt (and once more after a 401). */
  readonly token?: TokenSource;
  /** Sent on every request: `{ 'x-api-key': … }` on stages with usage plans. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Retries after the first attempt (default 2). */
  readonly retries?: number;
  /** One attempt's limit (default 10 s). */
  readonly attemptTimeoutMs?: number;
  /** The whole call's, retries and waits included (default 25 s, below API Gateway's 29 s). */
  readonly deadlineMs?: number;
  /** Cancels every call of this client. */
  readonly signal?: AbortSignal;
  /** The ceiling of the first retry's random wait, doubled per retry (default 500 ms). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** The most a `Retry-After` is waited for (default 60 s). */
  readonly retryAfterCapMs?: number;
  /** The randomness of the jitter, for tests (default Math.random). */
  readonly random?: () => number;
}

type Operation = (typeof operations)[keyof typeof operations];
/** A call's argument as the runtime reads it; ItemsApi types it per operation. */
type LooseArgs = Readonly<Record<string, unknown>>;

export function createItemsApi(options: ItemsApiOptions): ItemsApi {
  const transport: Transport = {
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    token: options.token,
    headers: options.headers ?? {},
    retries: options.retries ?? 2,
    attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 25_000,
    signal: options.signal,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    retryAfterCapMs: options.retryAfterCapMs ?? 60_000,
    random: options.random ?? Math.random,
  };
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const invoke = (operation: Operation, args: LooseArgs) =>
    send(transport, prepare(baseUrl, operation, args));
  const methodOf =
    (operation: Operation) =>
    (args: LooseArgs = {}) => {
      const started = invoke(operation, args);
      return operation.page === false
        ? toCall(started)
        : toPagedCall(started, operation.page, (nextToken) => invoke(operation, { ...args, nextToken }));
    };
  // The one place the table's rows meet their types: each method is typed per operation by ItemsApi.
  const methods = Object.fromEntries(
    Object.entries(operations).map(([id, operation]) => [
      id,
      methodOf(operation) as OperationMethods[OperationId],
    ]),
  ) as OperationMethods;
  return { ...methods, uploadMedia: uploadMedia(methods, transport.fetch) };
}

/** The request of one call: its URL, headers and body, the same for every attempt (its key included). */
function prepare(baseUrl: string, operation: Operation, args: LooseArgs): PreparedRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(args[name])),
  );
  const query = new URLSearchParams();
  for (const name of operation.query) if (args[name] !== undefined) query.append(name, String(args[name]));
  const search = String(query);
  const headers: Record<string, string> = {};
  if (operation.body !== false) headers['content-type'] = operation.body;
  if (operation.ifMatch && args.ifMatch !== undefined)
    headers['if-match'] = ifMatchHeader(args.ifMatch as IfMatch);
  if (operation.idempotencyKey)
    headers['idempotency-key'] =
      typeof args.idempotencyKey === 'string' ? args.idempotencyKey : newIdempotencyKey();
  return {
    method: operation.method,
    url: search === '' ? `${baseUrl}${path}` : `${baseUrl}${path}?${search}`,
    headers,
    body: operation.body === false ? undefined : JSON.stringify(args.body),
    signal: args.signal instanceof AbortSignal ? args.signal : undefined,
  };
}
