/**
 * The write marker every resource's writes carry: the id of the request that last wrote a record
 * (ITEMS_TABLE.lastWriteAttribute). A retried write whose condition fails, and whose old image
 * carries its own id, knows that an earlier attempt of the same request committed, at no extra cost.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { IdempotencyKeyReusedError } from '../../writes/errors';
import { keyPrefixOf, type WriteId } from '../../writes/write-request';
import {
  anyOf,
  attributeNotBeginningWith,
  attributeNotEqual,
  attributeNotExists,
  type Condition,
} from './expressions';
import { ITEMS_TABLE } from './table-design';

export const LAST_WRITE = ITEMS_TABLE.lastWriteAttribute;

/**
 * The stored record was not written by this request: the condition a retried write must pass.
 * Under an Idempotency-Key, not by any request with that key (so a reuse with another body fails
 * too, and is told apart by ownEarlierWrite).
 */
export function notWrittenBy(writeId: WriteId): Condition {
  const keyPrefix = keyPrefixOf(writeId);
  return anyOf(
    attributeNotExists(LAST_WRITE),
    keyPrefix === undefined
      ? attributeNotEqual(LAST_WRITE, writeId)
      : attributeNotBeginningWith(LAST_WRITE, keyPrefix),
  );
}

/**
 * The old image a failed condition returned, when this request wrote it; undefined otherwise.
 * Throws IdempotencyKeyReusedError when the request's key wrote it with another body.
 */
export function ownEarlierWrite(
  image: Record<string, AttributeValue> | undefined,
  writeId: WriteId,
): Record<string, unknown> | undefined {
  if (image === undefined) return undefined;
  const record = unmarshall(image);
  const marker = record[LAST_WRITE];
  if (marker === writeId) return record;
  const keyPrefix = keyPrefixOf(writeId);
  if (keyPrefix !== undefined && typeof marker === 'string' && marker.startsWith(keyPrefix))
    throw new IdempotencyKeyReusedError();
  return undefined;
}
