/** No item with this id exists for the caller (another owner's item is reported the same way). */
export class ItemNotFoundError extends Error {
  readonly kind = 'item-not-found';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} does not exist.`);
    this.name = 'ItemNotFoundError';
  }
}

/** The item exists but is not at any of the versions the caller expected. */
export class VersionMismatchError extends Error {
  readonly kind = 'version-mismatch';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} has changed since it was read.`);
    this.name = 'VersionMismatchError';
  }
}

/** A page token that this API did not issue for this caller and query, or that has expired. */
export class InvalidPageTokenError extends Error {
  readonly kind = 'invalid-page-token';
  constructor(readonly reason: 'malformed' | 'signature' | 'expired') {
    super(`Page token rejected (${reason}).`);
    this.name = 'InvalidPageTokenError';
  }
}

export type DomainError = ItemNotFoundError | VersionMismatchError | InvalidPageTokenError;
