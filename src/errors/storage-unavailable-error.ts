/**
 * The table could not be reached in time: throttled, failing on its side, timed out or refused,
 * after the client's retries within its deadline. Callers answer "retry later" (503). A write may
 * or may not have committed: a client retries safely with If-Match or an Idempotency-Key.
 */
export class StorageUnavailableError extends Error {
  readonly kind = 'storage-unavailable';
  constructor(options: { readonly cause: unknown }) {
    super('The item store is unavailable.', options);
    this.name = 'StorageUnavailableError';
  }
}
