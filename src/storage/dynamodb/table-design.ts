/**
 * The items table's key design, shared by the DynamoDB repository, the local engine's table
 * creation and the CDK stack, so the three cannot drift. See docs/dynamodb-design.md.
 */
import { createHash } from 'node:crypto';

export const ITEMS_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  statusIndex: {
    name: 'byOwnerStatus',
    partitionKey: 'ownerStatus',
    /** The index reuses the table's sort key: ids are UUIDv7, so key order is creation order. */
    sortKey: 'sk',
  },
  /**
   * Epoch seconds after which DynamoDB's TTL may delete a record (idempotency records only; items
   * never carry it). Enable TTL on this attribute in the CDK table.
   */
  timeToLiveAttribute: 'expiresAt',
  /** The id of the request that last wrote a record: lets a retried write recognise its own commit. */
  lastWriteAttribute: 'lastWrite',
  /**
   * Media records only: finds a media by its object key (the S3 event knows nothing else). Sparse,
   * keys only; the media record itself is then read consistently.
   */
  objectKeyIndex: { name: 'byObjectKey', partitionKey: 'objectKey' },
  /** On an item record: how many media it has, kept in the transactions that add and remove them. */
  mediaCountAttribute: 'mediaCount',
  /** The media stream worker reads REMOVE events with the old image (item and media records). */
  streamViewType: 'OLD_IMAGE',
} as const;

/**
 * An owner's partition. The subject is hashed so the key has a fixed length (49 bytes) whatever
 * the identity provider puts in `sub`: DynamoDB limits a partition key to 2,048 bytes, and the
 * status index key repeats the owner, so raw subjects of a few hundred bytes and more failed.
 */
export const ownerKey = (owner: string): string => `OWNER#${ownerDigest(owner)}`;
export const itemSortKey = (id: string): string => `ITEM#${id}`;
export const ITEM_SORT_KEY_PREFIX = 'ITEM#';
/** The table key of an item, in its owner's partition (`ownerKey(owner)`). */
export const itemKey = (partition: string, id: string): Record<string, string> => ({
  [ITEMS_TABLE.partitionKey]: partition,
  [ITEMS_TABLE.sortKey]: itemSortKey(id),
});
export const ownerStatusKey = (owner: string, status: string): string =>
  `OWNER#${ownerDigest(owner)}#STATUS#${status}`;
/** An Idempotency-Key's record, in the owner's partition; its prefix keeps it out of item queries. */
export const idempotencySortKey = (scope: string, keyDigest: string): string =>
  `IDEMPOTENCY#${scope}#${keyDigest}`;

/** A media record, in the owner's partition next to its item; ids are UUIDv7, so key order is age. */
export const mediaSortKey = (itemId: string, mediaId: string): string => `MEDIA#${itemId}#${mediaId}`;
export const mediaSortKeyPrefix = (itemId: string): string => `MEDIA#${itemId}#`;

function ownerDigest(owner: string): string {
  return createHash('sha256').update(owner).digest('base64url');
}
