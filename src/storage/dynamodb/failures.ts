import { StorageUnavailableError } from '../errors';

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
  if (error instanceof StorageUnavailableError || !(error instanceof Error)) return error;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const serverFault =
    ('$fault' in error && error.$fault === 'server') ||
    ('$metadata' in error &&
      typeof error.$metadata === 'object' &&
      error.$metadata !== null &&
      'httpStatusCode' in error.$metadata &&
      typeof error.$metadata.httpStatusCode === 'number' &&
      error.$metadata.httpStatusCode >= 500);
  if (
    serverFault ||
    UNAVAILABLE_NAMES.has(error.name) ||
    (code !== undefined && UNAVAILABLE_CODES.has(code))
  ) {
    return new StorageUnavailableError({ cause: error });
  }
  return error;
}
