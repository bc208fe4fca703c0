/**
 * An error that is an answer to the client (a 4xx), not a fault: built without capturing a stack
 * trace, which was the largest single cost of a rejected request and which nothing reads
 * (problem.ts logs only faults). Faults (StorageUnavailableError, anything unknown) keep theirs.
 */
export abstract class ClientError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** No item with this id exists for the caller (another owner's item is reported the same way). */
export class ItemNotFoundError extends ClientError {
  readonly kind = 'item-not-found';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} does not exist.`);
    this.name = 'ItemNotFoundError';
  }
}

/** The item exists but is not at any of the versions the caller expected. */
export class VersionMismatchError extends ClientError {
  readonly kind = 'version-mismatch';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} has changed since it was read.`);
    this.name = 'VersionMismatchError';
  }
}

/** A page token that this API did not issue for this caller and query, or that has expired. */
export class InvalidPageTokenError extends ClientError {
  readonly kind = 'invalid-page-token';
  constructor(readonly reason: 'malformed' | 'signature' | 'expired') {
    super(`Page token rejected (${reason}).`);
    this.name = 'InvalidPageTokenError';
  }
}

/** Another write to the same item is being committed right now; retrying shortly will succeed. */
export class WriteConflictError extends ClientError {
  readonly kind = 'write-conflict';
  constructor(readonly itemId: string) {
    super(`Another write to item ${itemId} is in progress; retry shortly.`);
    this.name = 'WriteConflictError';
  }
}

/** The idempotency key was first used with another request; replaying that answer would be a lie. */
export class IdempotencyKeyReusedError extends ClientError {
  readonly kind = 'idempotency-key-reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request.');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A request with the same idempotency key is being committed right now. */
export class IdempotencyKeyInUseError extends ClientError {
  readonly kind = 'idempotency-key-in-use';
  constructor() {
    super('A request with this Idempotency-Key is still in progress; retry shortly.');
    this.name = 'IdempotencyKeyInUseError';
  }
}

/** No media with this id on the item for the caller (or no such item). */
export class MediaNotFoundError extends ClientError {
  readonly kind = 'media-not-found';
  constructor(
    readonly itemId: string,
    readonly mediaId: string,
  ) {
    super(`Media ${mediaId} of item ${itemId} does not exist.`);
    this.name = 'MediaNotFoundError';
  }
}

/** The item already has its maximum of media. */
export class MediaLimitReachedError extends ClientError {
  readonly kind = 'media-limit-reached';
  constructor(
    readonly itemId: string,
    readonly limit: number,
  ) {
    super(`Item ${itemId} already has ${limit} media; delete one before adding another.`);
    this.name = 'MediaLimitReachedError';
  }
}

export type DomainError =
  | ItemNotFoundError
  | VersionMismatchError
  | InvalidPageTokenError
  | WriteConflictError
  | IdempotencyKeyReusedError
  | IdempotencyKeyInUseError
  | MediaNotFoundError
  | MediaLimitReachedError;
