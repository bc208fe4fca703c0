/**
 * Deleting a record by turning it into a tombstone: one UpdateItem that strips the record to its
 * keys, the deleting write's marker, `deletedAt` and `expiresAt`, after which DynamoDB's time to
 * live removes it (TTL deletes cost no write units).
 *
 * Why not DeleteItem: a deleted record leaves nothing for a retry to recognise, so a delete whose
 * answer was lost could only be retried truthfully as a one-item transaction (its token remembered
 * 10 minutes), at twice the write units. A tombstone costs what a DeleteItem costs (the larger of
 * the old and new record, so 1 WCU for an item under 1 KB) and carries the write marker for the
 * whole idempotency window: a retried delete, with or without an Idempotency-Key, finds its own
 * commit. Every read treats a tombstone as absent, every write is conditioned on its absence, and
 * the table stream sees the tombstone's MODIFY as the record's removal (removal-events.ts).
 */
import { IDEMPOTENCY_WINDOW_SECONDS, type WriteId } from '../../writes/write-request';
import { attributeNotExists, type Condition, UpdateExpression } from './expressions';
import { ITEMS_TABLE } from './table-design';
import { LAST_WRITE } from './write-marker';

export const TOMBSTONE = ITEMS_TABLE.tombstoneAttribute;

/** Is this record (unmarshalled or as DynamoDB returned it) a tombstone? */
export function isTombstone(record: Readonly<Record<string, unknown>> | undefined): boolean {
  return record !== undefined && TOMBSTONE in record;
}

/** The record is not a tombstone: every write to a live record adds it to its condition. */
export function notTombstone(): Condition {
  return attributeNotExists(TOMBSTONE);
}

/**
 * The update that makes a record a tombstone: `strip` names the attributes of the live record to
 * remove (all but the keys: the table stream hands the cascade the live image from before).
 */
export function tombstoneUpdate(writeId: WriteId, now: Date, strip: readonly string[]): UpdateExpression {
  const update = new UpdateExpression()
    .set(TOMBSTONE, now.toISOString())
    .set(LAST_WRITE, writeId)
    .set(ITEMS_TABLE.timeToLiveAttribute, Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS);
  for (const attribute of strip) update.remove(attribute);
  return update;
}
