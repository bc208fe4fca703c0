import { allOf, attributeIn, attributeNotExists, type Condition } from '../../storage/dynamodb/expressions';
import type { GeneratedPart } from '../../storage/dynamodb/idempotency-record';
import { ITEMS_TABLE, ownerKey, ownerStatusKey } from '../../storage/dynamodb/table-design';
import { liveRecord } from '../../storage/dynamodb/tombstone';
import type { WriteId } from '../../writes/write-request';
import { DEFAULT_ITEM_STATUS, ITEM_STATUSES, type Item, type ItemStatus } from './item';

/** Every item's sort key starts so: items are one Query over the owner's partition. */
export const ITEM_SORT_KEY_PREFIX = 'ITEM#';
export const itemSortKey = (id: string): string => `${ITEM_SORT_KEY_PREFIX}${id}`;
/** The table key of an item, in its owner's partition (`ownerKey(owner)`). */
export const itemKey = (partition: string, id: string): Record<string, string> => ({
  [ITEMS_TABLE.partitionKey]: partition,
  [ITEMS_TABLE.sortKey]: itemSortKey(id),
});

/**
 * The item's key in the status index, which is sparse: an item of the default status has none, so
 * writing the common item writes no index entry (half the write units); its listing is a filtered
 * Query of the owner's partition instead (item-list-query.ts). See docs/dynamodb-design.md.
 */
export function statusIndexKey(owner: string, status: ItemStatus): string | undefined {
  return status === DEFAULT_ITEM_STATUS ? undefined : ownerStatusKey(owner, status);
}

/** The id of the item whose sort key this is; undefined for any other sort key. */
export function itemIdOf(sortKey: unknown): string | undefined {
  return typeof sortKey === 'string' && sortKey.startsWith(ITEM_SORT_KEY_PREFIX)
    ? sortKey.slice(ITEM_SORT_KEY_PREFIX.length)
    : undefined;
}

/**
 * An item as stored in the table: the domain fields but the id, which the sort key already holds
 * (38 bytes less in every item and index entry), plus the keys that place it.
 */
export interface ItemRecord extends Omit<Item, 'id'> {
  readonly pk: string;
  readonly sk: string;
  /** Only for items not of the default status (statusIndexKey). */
  readonly ownerStatus?: string;
  /** The request that wrote this version (ITEMS_TABLE.lastWriteAttribute). */
  readonly lastWrite: WriteId;
}

export function toItemRecord(owner: string, item: Item, writeId: WriteId): ItemRecord {
  const indexKey = statusIndexKey(owner, item.status);
  return {
    pk: ownerKey(owner),
    sk: itemSortKey(item.id),
    ...(indexKey !== undefined && { ownerStatus: indexKey }),
    name: item.name,
    ...(item.description !== undefined && { description: item.description }),
    status: item.status,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
    lastWrite: writeId,
  };
}

/** What a create generates rather than takes from the request body: kept by the key's record. */
export function generatedPartOf(item: Item): GeneratedPart {
  return { id: item.id, createdAt: item.createdAt };
}

/**
 * The first answer of a create replayed under its key: the replay's own item (built from the same
 * body, the fingerprint says so) with the first request's id and time.
 */
export function replayedItem(candidate: Item, generated: GeneratedPart): Item {
  const { id, createdAt } = generated;
  if (typeof id !== 'string' || typeof createdAt !== 'string') {
    throw new Error(`Idempotency record of item ${String(id)} holds no id and time`);
  }
  return { ...candidate, id, createdAt, updatedAt: createdAt };
}

/** Reads a stored record back; a record that breaks the item shape is corruption, not a client error. */
export function fromItemRecord(record: Record<string, unknown>): Item {
  const { name, description, status, createdAt, updatedAt, version } = record;
  const id = itemIdOf(record[ITEMS_TABLE.sortKey]);
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    (description !== undefined && typeof description !== 'string') ||
    !isItemStatus(status) ||
    typeof createdAt !== 'string' ||
    typeof updatedAt !== 'string' ||
    typeof version !== 'number'
  ) {
    throw new Error(`Stored record ${String(record.pk)}/${String(record.sk)} is not a valid item`);
  }
  return {
    id,
    name,
    ...(description !== undefined && { description }),
    status,
    createdAt,
    updatedAt,
    version,
  };
}

function isItemStatus(value: unknown): value is ItemStatus {
  return ITEM_STATUSES.some((status) => status === value);
}

/** The item exists (not as a tombstone) and, when the caller named versions, is at one of them. */
export function versionCondition(expectedVersions: readonly number[] | undefined): Condition {
  const exists = liveRecord();
  if (expectedVersions === undefined) return exists;
  // If-Match listed only tags that can never match (weak ones): fail on any existing item.
  if (expectedVersions.length === 0) return allOf(exists, attributeNotExists(ITEMS_TABLE.partitionKey));
  return allOf(exists, attributeIn('version', expectedVersions));
}
