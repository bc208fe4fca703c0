import { ITEM_STATUSES, type Item, type ItemStatus } from '../../domain/item';
import { itemSortKey, ownerKey, ownerStatusKey } from './table-design';

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
}

export function toItemRecord(owner: string, item: Item): ItemRecord {
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
