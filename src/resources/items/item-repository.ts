import type { IdempotencyClaim, WriteId } from '../../writes/write-request';
import type { Item, ItemChanges, ItemStatus } from './item';

export interface ItemListQuery {
  readonly limit: number;
  readonly status?: ItemStatus;
  /** Return only items older than the item with this id (the previous page's last). */
  readonly after?: string;
}

export interface ItemListPage {
  /** Newest first. */
  readonly items: readonly Item[];
  readonly hasMore: boolean;
}

export interface InsertResult {
  /** The item as stored by the request that first used the key, which may be an earlier one. */
  readonly item: Item;
  /** True when an earlier request with the same key and fingerprint created it. */
  readonly replayed: boolean;
}

/**
 * The storage port. Every call is scoped to one owner; an item of another owner does not exist
 * as far as the caller can tell. `expectedVersions` makes a write conditional: undefined means
 * "if the item exists", a list means "if it exists at one of these versions". Every write takes
 * the request's WriteId and is applied once however often it is retried.
 */
export interface ItemRepository {
  /**
   * Stores a new item; fails if the id is taken. With a claim, also records the key; when the key
   * is already recorded, answers its item (replayed) or throws IdempotencyKeyReusedError, and
   * IdempotencyKeyInUseError while another request holds it.
   */
  insert(owner: string, item: Item, writeId: WriteId, claim?: IdempotencyClaim): Promise<InsertResult>;
  find(owner: string, id: string): Promise<Item | undefined>;
  list(owner: string, query: ItemListQuery): Promise<ItemListPage>;
  /** Applies the changes atomically, bumping the version; throws ItemNotFoundError or VersionMismatchError. */
  update(
    owner: string,
    id: string,
    changes: ItemChanges,
    writeId: WriteId,
    expectedVersions?: readonly number[],
  ): Promise<Item>;
  /** Throws ItemNotFoundError, VersionMismatchError or WriteConflictError. */
  delete(owner: string, id: string, writeId: WriteId, expectedVersions?: readonly number[]): Promise<void>;
}
