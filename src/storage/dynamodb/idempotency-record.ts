/**
 * The one idempotency record, for every resource: an Idempotency-Key's first request (a digest of
 * it) and what that request's answer held that its body did not determine (the id, the time, ...),
 * in the owner's partition. It is written in the same transaction as what the request creates, so
 * neither exists without the other, and it expires by DynamoDB's time to live on `expiresAt` (the
 * code treats it as gone from then on).
 *
 * Not a copy of the created record: a replay carries the same body (its fingerprint says so), so
 * the body plus these few generated values rebuild the first answer exactly. The record stays about
 * 200 bytes whatever the size of what was created, so a keyed create costs 2 write units for the
 * record (a transaction's rate) however large the item: a copy made it grow with the item.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { IdempotencyKeyReusedError } from '../../writes/errors';
import type { IdempotencyClaim } from '../../writes/write-request';
import { anyOf, attributeAtMost, attributeNotExists, conditionInput } from './expressions';
import { ITEMS_TABLE, idempotencySortKey, ownerKey } from './table-design';

/**
 * What a create generated rather than took from the request body (its id, its time, ...), as the
 * resource's record module writes and reads it back.
 */
export type GeneratedPart = Record<string, unknown>;

/** The Put of a transaction that takes the key: it fails while a live record holds it (answering that record). */
export function claimKeyPut(
  tableName: string,
  owner: string,
  claim: IdempotencyClaim,
  generated: GeneratedPart,
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        [ITEMS_TABLE.partitionKey]: ownerKey(owner),
        [ITEMS_TABLE.sortKey]: idempotencySortKey(claim.scope, claim.keyDigest),
        fingerprint: claim.fingerprint,
        [ITEMS_TABLE.timeToLiveAttribute]: claim.expiresAt,
        generated,
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
 * When the key's Put failed on a live record: the first request's generated part, to rebuild its
 * answer from, when this request is the same one (same fingerprint); IdempotencyKeyReusedError
 * when it is not.
 */
export function replayedPart(image: Record<string, AttributeValue>, claim: IdempotencyClaim): GeneratedPart {
  const record = unmarshall(image);
  const { fingerprint } = record;
  // A record from before 2.3.1 holds a copy of the answer, which has the generated values too.
  const generated = record.generated ?? record.answer;
  if (
    typeof fingerprint !== 'string' ||
    typeof generated !== 'object' ||
    generated === null ||
    Array.isArray(generated)
  ) {
    throw new Error(`Stored record ${String(record.pk)}/${String(record.sk)} is not an idempotency record`);
  }
  if (fingerprint !== claim.fingerprint) throw new IdempotencyKeyReusedError();
  return generated;
}
