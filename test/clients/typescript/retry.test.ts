/** The SDK's retry rules (clients/typescript/src/retry.ts): which failures are retried, and after how long. */
import {
  type Failure,
  retryAfterSeconds,
  retryDelayMs,
  shouldRetry,
} from '../../../clients/typescript/src/retry';

const answer = (type: string, status: number): Failure => ({ kind: 'answer', type, status });

describe('shouldRetry', () => {
  // [failure, repeatable (GET, or a write with Idempotency-Key or If-Match), retried]
  const cases: [string, Failure, boolean, boolean][] = [
    ['service-unavailable, repeatable', answer('/problems/service-unavailable', 503), true, true],
    [
      'service-unavailable, a write that may have happened',
      answer('/problems/service-unavailable', 503),
      false,
      false,
    ],
    ['too-many-requests', answer('/problems/too-many-requests', 429), false, true],
    ['quota-exceeded (also 429)', answer('/problems/quota-exceeded', 429), true, false],
    ['write-conflict', answer('/problems/write-conflict', 409), false, true],
    ['idempotency-key-in-use', answer('/problems/idempotency-key-in-use', 409), true, true],
    ['media-limit-reached (also 409)', answer('/problems/media-limit-reached', 409), true, false],
    ['precondition-failed', answer('/problems/precondition-failed', 412), true, false],
    ['not-found', answer('/problems/not-found', 404), true, false],
    ['internal-error', answer('/problems/internal-error', 500), true, false],
    ['a 502 without a problem body, repeatable', answer('about:blank', 502), true, true],
    ['a 502, not repeatable', answer('about:blank', 502), false, false],
    ['gateway-timeout 504, repeatable', answer('/problems/gateway-timeout', 504), true, true],
    ['gateway-timeout 504, not repeatable', answer('/problems/gateway-timeout', 504), false, false],
    ['no answer, repeatable', { kind: 'no-answer' }, true, true],
    ['no answer, not repeatable', { kind: 'no-answer' }, false, false],
  ];
  it.each(cases)('%s', (_name, failure, repeatable, retried) => {
    expect(shouldRetry(failure, repeatable)).toBe(retried);
  });
});

describe('retryDelayMs', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 8_000, retryAfterCapMs: 60_000 };
  // [retry index, Retry-After seconds, random, delay]
  const cases: [number, number | undefined, number, number][] = [
    [0, undefined, 0.999, 499],
    [1, undefined, 0.5, 500],
    [3, undefined, 0.5, 2_000],
    [10, undefined, 0.999, 7_992],
    [0, undefined, 0, 0],
    [0, 2, 0.999, 2_000],
    [5, 0, 0.5, 0],
    [0, 3_600, 0.5, 60_000],
  ];
  it.each(cases)('retry %d, Retry-After %s, random %d: %d ms', (retry, retryAfter, random, delay) => {
    expect(retryDelayMs(retry, retryAfter, policy, () => random)).toBe(delay);
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const cases: [string | null, number | undefined][] = [
    ['2', 2],
    [' 7 ', 7],
    ['0', 0],
    ['Fri, 04 Dec 2026 12:00:30 GMT', 30],
    ['Fri, 04 Dec 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    [null, undefined],
  ];
  it.each(cases)('%p: %p', (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds);
  });
});
