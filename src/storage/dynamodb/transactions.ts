/** Helpers every repository's TransactWriteItems shares: the retry token and the cancellation reasons. */
import { createHash } from 'node:crypto';
import {
  type CancellationReason,
  TransactionCanceledException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import { StorageUnavailableError } from '../../errors/storage-unavailable-error';
import type { WriteId } from '../../writes/write-request';

/**
 * A transaction's ClientRequestToken (at most 36 characters): the same for every attempt at one
 * request's write, different for any other write.
 */
export function requestToken(writeId: WriteId, write: string): string {
  return createHash('sha256').update(`${writeId}\n${write}`).digest('base64url').slice(0, 36);
}

/**
 * Why a transaction was cancelled, one reason per item in order, with old images unmarshalled;
 * undefined for any other error. Throttled items mean the table is unavailable.
 */
export function cancellation(error: unknown): readonly CancellationReason[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  if (
    reasons.some(
      (reason) => reason.Code === 'ThrottlingError' || reason.Code === 'ProvisionedThroughputExceeded',
    )
  ) {
    throw new StorageUnavailableError({ cause: error });
  }
  return reasons;
}

/**
 * Runs a transaction again (the caller makes a new token per attempt) when it collided with another
 * in flight on the same records: writes started together are not the client's error. After
 * `attempts`, throws what `exhausted` makes.
 */
export async function conflictRetried<T>(
  attempts: number,
  exhausted: () => Error,
  call: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      const conflict =
        cancellation(error)?.some((reason) => reason.Code === 'TransactionConflict') === true ||
        error instanceof TransactionInProgressException;
      if (!conflict) throw error;
      if (attempt >= attempts) throw exhausted();
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
