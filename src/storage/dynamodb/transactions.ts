/** Helpers every repository's TransactWriteItems shares: the retry token and the cancellation reasons. */
import { createHash } from 'node:crypto';
import { type CancellationReason, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { StorageUnavailableError } from '../../errors/storage-unavailable-error';
import type { WriteId } from '../../resources/items/item-repository';

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
