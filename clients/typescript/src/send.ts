/**
 * One logical call: attempts until one succeeds, the failure is final, the retries are spent or
 * the deadline comes. Every attempt asks the token function again; a 401 asks it once more and
 * retries at once (a refreshed token), outside the retry budget.
 */
import { ProblemError } from './problem-error.js';
import { type BackoffPolicy, type Failure, retryDelayMs, shouldRetry } from './retry.js';
import { sleep } from './signals.js';
import type { ResponseInfo, WithResponse } from './types.js';

export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface Transport extends BackoffPolicy {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly token: TokenSource | undefined;
  /** Headers on every request (an `x-api-key`, say). */
  readonly headers: Readonly<Record<string, string>>;
  readonly retries: number;
  readonly attemptTimeoutMs: number;
  /** For the whole call, retries and waits included. */
  readonly deadlineMs: number;
  readonly signal: AbortSignal | undefined;
  readonly random: () => number;
}

export interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
}

export async function send(transport: Transport, request: PreparedRequest): Promise<WithResponse<unknown>> {
  const deadlineAt = Date.now() + transport.deadlineMs;
  const stop = AbortSignal.any(
    [AbortSignal.timeout(transport.deadlineMs), transport.signal, request.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    ),
  );
  const repeatable =
    request.method === 'GET' || 'idempotency-key' in request.headers || 'if-match' in request.headers;
  let retries = 0;
  let refreshed = false;
  for (let attempts = 1; ; attempts++) {
    stop.throwIfAborted();
    let failure: unknown;
    try {
      const response = await transport.fetch(request.url, {
        method: request.method,
        headers: { ...transport.headers, ...request.headers, ...(await authorization(transport.token)) },
        body: request.body,
        signal: AbortSignal.any([stop, AbortSignal.timeout(transport.attemptTimeoutMs)]),
      });
      if (response.ok) return { data: await readBody(response), response: info(response, attempts) };
      failure = await ProblemError.from(response);
    } catch (error) {
      // The caller's abort and the deadline end the call; an attempt's own timeout is a lost answer.
      if (stop.aborted) throw stop.reason;
      failure = error;
    }
    if (
      failure instanceof ProblemError &&
      failure.status === 401 &&
      !refreshed &&
      transport.token !== undefined
    ) {
      refreshed = true;
      continue;
    }
    const seen: Failure =
      failure instanceof ProblemError
        ? { kind: 'answer', type: failure.type, status: failure.status }
        : { kind: 'no-answer' };
    if (retries >= transport.retries || !shouldRetry(seen, repeatable)) throw failure;
    const retryAfter = failure instanceof ProblemError ? failure.retryAfter : undefined;
    const delay = retryDelayMs(retries, retryAfter, transport, transport.random);
    // A wait that would outlast the deadline ends the call now, with the answer that asked for it.
    if (Date.now() + delay >= deadlineAt) throw failure;
    await sleep(delay, stop);
    retries++;
  }
}

async function authorization(token: TokenSource | undefined): Promise<Record<string, string>> {
  const value = typeof token === 'function' ? await token() : token;
  return value === undefined ? {} : { authorization: `Bearer ${value}` };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

function info(response: Response, attempts: number): ResponseInfo {
  return {
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get('x-request-id') ?? undefined,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    attempts,
  };
}
