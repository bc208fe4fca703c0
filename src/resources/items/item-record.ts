import { ITEMS_TABLE, ownerKey, ownerStatusKey } from '../../storage/dynamodb/table-design';
import type { WriteId } from '../../writes/write-request';
import { ITEM_STATUSES, type Item, type ItemStatus } from './item';

/** Every item's sort key starts so: items are one Query over the owner's partition. */
export const ITEM_SORT_KEY_PREFIX = 'ITEM#';
export const itemSortKey = (id: string): string => `${ITEM_SORT_KEY_PREFIX}${id}`;
/** The table key of an item, in its owner's partition (`ownerKey(owner)`). */
export const itemKey = (partition: string, id: string): Record<string, string> => ({
  [ITEMS_TABLE.partitionKey]: partition,
  [ITEMS_TABLE.sortKey]: itemSortKey(id),
});

/** An item as stored in the table: the domain fields plus the keys that place it. */
export interface ItemRecord {
  readonly pk: string;
  readonly sk: string;
  readonly ownerStatus: string;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status: ItemStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  /** The request that wrote this version (ITEMS_TABLE.lastWriteAttribute). */
  readonly lastWrite: WriteId;
}

export function toItemRecord(owner: string, item: Item, writeId: WriteId): ItemRecord {
  return {
    pk: ownerKey(owner),
    sk: itemSortKey(item.id),
    ownerStatus: ownerStatusKey(owner, item.status),
    id: item.id,
    name: item.name,
    ...(item.description !== undefined && { description: item.description }),
    status: item.status,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
    lastWrite: writeId,
  };
}

/** Reads a stored record back; a record that breaks the item shape is corruption, not a client error. */
export function fromItemRecord(record: Record<string, unknown>): Item {
  const { id, name, description, status, createdAt, updatedAt, version } = record;
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
