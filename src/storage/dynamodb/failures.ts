import { StorageUnavailableError } from '../../errors/storage-unavailable-error';

/**
 * Error names DynamoDB and the SDK use for "the table did not answer usefully, try later"; the SDK
 * has already retried these with backoff when they reach us. Matched by name and code, which are
 * part of the API, never by message text.
 */
const UNAVAILABLE_NAMES: ReadonlySet<string> = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  // The per-attempt timeout (requestHandler) and the call's total deadline (abort signal).
  'TimeoutError',
  'AbortError',
]);

/** Node's socket-level failures: the engine is down, unreachable or dropped the connection. */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The one translation of SDK failures into storage errors: an unavailable table becomes
 * StorageUnavailableError, anything else (a bug, a validation error) is passed on unchanged.
 */
export function storageFailure(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || error instanceof StorageUnavailableError) return error;
  return isUnavailable(error) ? new StorageUnavailableError({ cause: error }) : error;
}

function isUnavailable(error: object): boolean {
  if ('name' in error && typeof error.name === 'string' && UNAVAILABLE_NAMES.has(error.name)) return true;
  if ('code' in error && typeof error.code === 'string' && UNAVAILABLE_CODES.has(error.code)) return true;
  if ('$fault' in error && error.$fault === 'server') return true;
  if (!('$metadata' in error) || typeof error.$metadata !== 'object' || error.$metadata === null)
    return false;
  const status = 'httpStatusCode' in error.$metadata ? error.$metadata.httpStatusCode : undefined;
  // The SDK attaches $metadata to every failure of a call. Without a status, no HTTP answer came
  // back at all: a transport failure (the SDK wraps socket errors from another realm, code lost).
  return status === undefined || (typeof status === 'number' && status >= 500);
}

export interface RepositoryOptions {
  /** Deadline for one repository call, every SDK attempt and backoff included. */
  readonly timeoutMs: number;
}

/** Deadline when none is configured: below the function's 10 s timeout with room to answer. */
export const DEFAULT_STORAGE_TIMEOUT_MS = 3000;

/** Runs one repository call under its deadline, translating an unreachable table into one error. */
export async function bounded<T>(
  timeoutMs: number,
  call: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await call(AbortSignal.timeout(timeoutMs));
  } catch (error) {
    throw storageFailure(error);
  }
}
