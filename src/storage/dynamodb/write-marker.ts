/**
 * The write marker every resource's writes carry: the id of the request that last wrote a record
 * (ITEMS_TABLE.lastWriteAttribute). A retried write whose condition fails, and whose old image
 * carries its own id, knows that an earlier attempt of the same request committed, at no extra cost.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { WriteId } from '../../writes/write-request';
import { anyOf, attributeNotEqual, attributeNotExists, type Condition } from './expressions';
import { ITEMS_TABLE } from './table-design';

export const LAST_WRITE = ITEMS_TABLE.lastWriteAttribute;

/** The stored record was not written by this request: the condition a retried write must pass. */
export function notWrittenBy(writeId: WriteId): Condition {
  return anyOf(attributeNotExists(LAST_WRITE), attributeNotEqual(LAST_WRITE, writeId));
}

/** The old image a failed condition returned, when this request wrote it; undefined otherwise. */
export function ownEarlierWrite(
  image: Record<string, AttributeValue> | undefined,
  writeId: WriteId,
): Record<string, unknown> | undefined {
  if (image === undefined) return undefined;
  const record = unmarshall(image);
  return record[LAST_WRITE] === writeId ? record : undefined;
}
