/**
 * The one error class for an HTTP error answer: RFC 9457 problem+json read into fields, with the
 * response kept. An answer without a problem body (a proxy's 502, say) gets `about:blank`, as RFC
 * 9457 §4.2.1 says an absent type means.
 */
import type { ProblemType } from './generated/operations.js';
import { retryAfterSeconds } from './retry.js';
import type { ProblemFieldError } from './types.js';

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  /** A problem type the spec documents, or another (a gateway's) as sent. */
  readonly type: ProblemType | (string & Record<never, never>);
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  /** The request id, as in `X-Request-Id`. */
  readonly instance: string | undefined;
  readonly errors: readonly ProblemFieldError[];
  /** `Retry-After`, in seconds, when the answer carried one. */
  readonly retryAfter: number | undefined;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem =
      typeof body === 'object' && body !== null ? (body as Partial<Record<string, unknown>>) : {};
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const title = text(problem.title) ?? (response.statusText || `HTTP ${response.status}`);
    const detail = text(problem.detail);
    super(detail === undefined ? title : `${title}: ${detail}`);
    this.type = text(problem.type) ?? 'about:blank';
    this.title = title;
    this.status = response.status;
    this.detail = detail;
    this.instance = text(problem.instance) ?? response.headers.get('x-request-id') ?? undefined;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfterSeconds(response.headers.get('retry-after'), Date.now());
    this.response = response;
  }

  /** Reads an error answer's body (JSON if it is, else ignored) into a ProblemError. */
  static async from(response: Response): Promise<ProblemError> {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return new ProblemError(response, body);
  }
}
