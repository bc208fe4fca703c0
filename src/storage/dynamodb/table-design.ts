/**
 * The items table's key design, shared by the DynamoDB repository, the local engine's table
 * creation and the CDK stack, so the three cannot drift. See docs/dynamodb-design.md.
 */
import { createHash } from 'node:crypto';

/**
 * A global secondary index of the items table. Every key, the table's and the indexes', is a
 * string attribute.
 */
export interface TableIndex {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** What the index copies: everything, or only the table's and the index's keys. */
  readonly projection: 'ALL' | 'KEYS_ONLY';
}

const STATUS_INDEX = {
  name: 'byOwnerStatus',
  partitionKey: 'ownerStatus',
  /** The index reuses the table's sort key: ids are UUIDv7, so key order is creation order. */
  sortKey: 'sk',
  projection: 'ALL',
} as const satisfies TableIndex;

export const ITEMS_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  statusIndex: STATUS_INDEX,
  /**
   * Every global secondary index, in creation order: the CDK table and the local table (created or
   * upgraded) are built from this list, so an index added here exists in both.
   */
  indexes: [STATUS_INDEX] as readonly TableIndex[],
  /**
   * Epoch seconds after which DynamoDB's TTL may delete a record (idempotency records and
   * tombstones; a live item or media never carries it). TTL is enabled on it in the CDK table and
   * the local table.
   */
  timeToLiveAttribute: 'expiresAt',
  /** When a record was deleted: present only on a tombstone (tombstone.ts), which every reader treats as absent. */
  tombstoneAttribute: 'deletedAt',
  /** The id of the request that last wrote a record: lets a retried write recognise its own commit. */
  lastWriteAttribute: 'lastWrite',
  /** On an item record: how many media it has, kept in the transactions that add and remove them. */
  mediaCountAttribute: 'mediaCount',
  /**
   * The table stream worker reads removals (removal-events.ts): REMOVE events with the old image,
   * and the MODIFY that turns a record into a tombstone, whose new image says so.
   */
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

/**
 * An owner's partition. The subject is hashed so the key has a fixed length (49 bytes) whatever
 * the identity provider puts in `sub`: DynamoDB limits a partition key to 2,048 bytes, and the
 * status index key repeats the owner, so raw subjects of a few hundred bytes and more failed.
 */
export const ownerKey = (owner: string): string => `OWNER#${ownerDigest(owner)}`;
/** The status index's partition: an owner's items of one status. */
export const ownerStatusKey = (owner: string, status: string): string =>
  `OWNER#${ownerDigest(owner)}#STATUS#${status}`;
/** An Idempotency-Key's record, in the owner's partition; its prefix keeps it out of item queries. */
export const idempotencySortKey = (scope: string, keyDigest: string): string =>
  `IDEMPOTENCY#${scope}#${keyDigest}`;

function ownerDigest(owner: string): string {
  return createHash('sha256').update(owner).digest('base64url');
}
