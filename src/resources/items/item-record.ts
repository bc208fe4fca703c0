import {
  idempotencySortKey,
  itemSortKey,
  ownerKey,
  ownerStatusKey,
} from '../../storage/dynamodb/table-design';
import { ITEM_STATUSES, type Item, type ItemStatus } from './item';
import type { IdempotencyClaim, WriteId } from './item-repository';

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

/**
 * An idempotency key's record: what the first request was (its fingerprint) and what it created
 * (the item as first answered, so a replay renders that answer exactly). It has no `ownerStatus`,
 * so it never appears in the status index, and its sort key is outside `ITEM#`.
 */
export interface IdempotencyRecord {
  readonly pk: string;
  readonly sk: string;
  readonly fingerprint: string;
  readonly expiresAt: number;
  readonly item: Item;
}

export function toIdempotencyRecord(owner: string, claim: IdempotencyClaim, item: Item): IdempotencyRecord {
  return {
    pk: ownerKey(owner),
    sk: idempotencySortKey(claim.scope, claim.keyDigest),
    fingerprint: claim.fingerprint,
    expiresAt: claim.expiresAt,
    item,
  };
}

export function fromIdempotencyRecord(
  record: Record<string, unknown>,
): Pick<IdempotencyRecord, 'fingerprint' | 'item'> {
  const { fingerprint, item } = record;
  if (typeof fingerprint !== 'string' || typeof item !== 'object' || item === null) {
    throw new Error(`Stored record ${String(record.pk)}/${String(record.sk)} is not an idempotency record`);
  }
  return { fingerprint, item: fromItemRecord({ ...item, pk: record.pk, sk: record.sk }) };
}

function isItemStatus(value: unknown): value is ItemStatus {
  return ITEM_STATUSES.some((status) => status === value);
}
