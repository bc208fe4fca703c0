/**
 * When a failed attempt is tried again, and after how long. Decided by problem type, not by status
 * alone: two 429s differ (too-many-requests passes, quota-exceeded does not), and a 503 may follow
 * a write that was applied.
 */

/** Nothing was done, by the answer's own account: retried for any request. */
const NOTHING_DONE = new Set([
  '/problems/too-many-requests',
  '/problems/write-conflict',
  '/problems/idempotency-key-in-use',
]);
/** Answers after which a write may or may not have happened (the spec says so of service-unavailable). */
const MAYBE_DONE_STATUSES = new Set([502, 503, 504]);

/** What the retry rules need to know of a failed attempt. */
export type Failure =
  | { readonly kind: 'answer'; readonly type: string; readonly status: number }
  /** No answer: the connection failed or the attempt timed out. */
  | { readonly kind: 'no-answer' };

/**
 * Whether to try again. `repeatable`: a GET, or a write carrying an Idempotency-Key or If-Match,
 * which the server recognises when it comes again; only those are repeated after an answer that
 * leaves open whether the write happened. Anything else (quota-exceeded, a 4xx) is final.
 */
export function shouldRetry(failure: Failure, repeatable: boolean): boolean {
  if (failure.kind === 'no-answer') return repeatable;
  if (NOTHING_DONE.has(failure.type)) return true;
  const maybeDone =
    failure.type === '/problems/service-unavailable' || MAYBE_DONE_STATUSES.has(failure.status);
  return repeatable && maybeDone;
}

export interface BackoffPolicy {
  /** The first retry's ceiling; doubled for each retry after it. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The most a `Retry-After` is honoured for. */
  readonly retryAfterCapMs: number;
}

/**
 * How long to wait before retry number `retry` (0 for the first): the server's `Retry-After`
 * (capped) when it sent one, else full jitter (AWS's backoff: uniform between 0 and the ceiling).
 */
export function retryDelayMs(
  retry: number,
  retryAfter: number | undefined,
  policy: BackoffPolicy,
  random: () => number,
): number {
  if (retryAfter !== undefined) return Math.min(retryAfter * 1000, policy.retryAfterCapMs);
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

/** `Retry-After` in seconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined if neither. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP-date names its day and month; Date.parse alone would take "-1" for a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
