/**
 * Deleting a record by turning it into a tombstone: one conditional PutItem that replaces the record
 * with its keys, the deleting write's marker, `deletedAt` and `expiresAt`, after which DynamoDB's
 * time to live removes it (TTL deletes cost no write units). A Put, not an Update: whatever
 * attributes the live record had are gone without naming them, its index keys with them.
 *
 * Why not DeleteItem: a deleted record leaves nothing for a retry to recognise, so a delete whose
 * answer was lost could only be retried truthfully as a one-item transaction (its token remembered
 * 10 minutes), at twice the write units. A tombstone costs what a DeleteItem costs (a Put that
 * replaces is billed on the larger of the old and new record, so 1 WCU for an item under 1 KB) and carries the write marker for the
 * whole idempotency window: a retried delete, with or without an Idempotency-Key, finds its own
 * commit. Every read treats a tombstone as absent, every write is conditioned on its absence, and
 * the table stream sees the tombstone's MODIFY as the record's removal (removal-events.ts).
 */
import { IDEMPOTENCY_WINDOW_SECONDS, type WriteId } from '../../writes/write-request';
import { allOf, attributeExists, attributeNotExists, type Condition } from './expressions';
import { ITEMS_TABLE } from './table-design';
import { LAST_WRITE } from './write-marker';

export const TOMBSTONE = ITEMS_TABLE.tombstoneAttribute;

/** Is this record (unmarshalled or as DynamoDB returned it) a tombstone? */
export function isTombstone(record: Readonly<Record<string, unknown>> | undefined): boolean {
  return record !== undefined && TOMBSTONE in record;
}

/** A record exists under the key, and not as a tombstone: the condition of every write to a live record. */
export function liveRecord(): Condition {
  return allOf(attributeExists(ITEMS_TABLE.partitionKey), attributeNotExists(TOMBSTONE));
}

/**
 * The tombstone of the record under `key`: its keys and markers only (the table stream hands the
 * cascade the live image from before it).
 */
export function tombstoneRecord(
  key: Readonly<Record<string, string>>,
  writeId: WriteId,
  now: Date,
): Record<string, unknown> {
  return {
    ...key,
    [TOMBSTONE]: now.toISOString(),
    [LAST_WRITE]: writeId,
    [ITEMS_TABLE.timeToLiveAttribute]: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS,
  };
}
