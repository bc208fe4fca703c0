/** The item statuses, in the order the contract lists them. */
export const ITEM_STATUSES = ['active', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Status of an item created or replaced without one (openapi.yaml: ItemInput.status default). */
export const DEFAULT_ITEM_STATUS: ItemStatus = 'active';

/** An item as the domain sees it. Who owns it is the scope it is read in, not a field of it. */
export interface Item {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status: ItemStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** The client-writable fields, as given on create and replace. */
export interface ItemFields {
  readonly name: string;
  readonly description?: string;
  readonly status?: ItemStatus;
}

/** A JSON Merge Patch (RFC 7396) of ItemFields: `null` removes or resets a field. */
export interface ItemMergePatch {
  readonly name?: string;
  readonly description?: string | null;
  readonly status?: ItemStatus | null;
}

/**
 * What one write does to a stored item: fields set, `description: null` removed, the rest kept.
 * Writes are expressed as changes rather than whole items so storage can apply them atomically,
 * without a read-modify-write race.
 */
export interface ItemChanges {
  readonly name?: string;
  readonly description?: string | null;
  readonly status?: ItemStatus;
  readonly updatedAt: string;
}

/** Changes that make a stored item equal to `fields`, as PUT requires: omitted fields are cleared or defaulted. */
export function replacementChanges(fields: ItemFields, updatedAt: string): ItemChanges {
  return {
    name: fields.name,
    description: fields.description ?? null,
    status: fields.status ?? DEFAULT_ITEM_STATUS,
    updatedAt,
  };
}

/** Changes that apply a merge patch: present fields are set, `null` removes or resets, absent fields are kept. */
export function mergePatchChanges(patch: ItemMergePatch, updatedAt: string): ItemChanges {
  return {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.status !== undefined && { status: patch.status ?? DEFAULT_ITEM_STATUS }),
    updatedAt,
  };
}
