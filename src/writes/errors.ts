/** Errors of any resource's writes: concurrent writes and Idempotency-Key misuse. */
import { ClientError } from '../errors/client-error';

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
