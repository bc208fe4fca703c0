/**
 * The one idempotency record, for every resource: an Idempotency-Key's first request (a digest of
 * it) and the answer it got (what it created, as first answered), in the owner's partition. It is
 * written in the same transaction as what the request creates, so neither exists without the other,
 * and it expires by DynamoDB's time to live on `expiresAt` (the code treats it as gone from then on).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { IdempotencyKeyReusedError } from '../../writes/errors';
import type { IdempotencyClaim } from '../../writes/write-request';
import { anyOf, attributeAtMost, attributeNotExists, conditionInput } from './expressions';
import { ITEMS_TABLE, idempotencySortKey, ownerKey } from './table-design';

/** A resource's own record shape, as stored in `answer`, read back with its record reader. */
export type StoredAnswer = Record<string, unknown>;

/** The Put of a transaction that takes the key: it fails while a live record holds it (answering that record). */
export function claimKeyPut(tableName: string, owner: string, claim: IdempotencyClaim, answer: StoredAnswer) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        [ITEMS_TABLE.partitionKey]: ownerKey(owner),
        [ITEMS_TABLE.sortKey]: idempotencySortKey(claim.scope, claim.keyDigest),
        fingerprint: claim.fingerprint,
        [ITEMS_TABLE.timeToLiveAttribute]: claim.expiresAt,
        answer,
      },
      // Free when absent, or present but expired and not yet removed by TTL.
      ...conditionInput(
        anyOf(
          attributeNotExists(ITEMS_TABLE.partitionKey),
          attributeAtMost(ITEMS_TABLE.timeToLiveAttribute, claim.now),
        ),
      ),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/**
 * The answer to replay when the key's Put failed on a live record: the first request's answer when
 * this request is the same one (same fingerprint), IdempotencyKeyReusedError when it is not.
 */
export function replayedAnswer(image: Record<string, AttributeValue>, claim: IdempotencyClaim): StoredAnswer {
  const record = unmarshall(image);
  const { fingerprint, answer } = record;
  if (
    typeof fingerprint !== 'string' ||
    typeof answer !== 'object' ||
    answer === null ||
    Array.isArray(answer)
  ) {
    throw new Error(`Stored record ${String(record.pk)}/${String(record.sk)} is not an idempotency record`);
  }
  if (fingerprint !== claim.fingerprint) throw new IdempotencyKeyReusedError();
  return { ...answer, pk: record.pk, sk: record.sk };
}
