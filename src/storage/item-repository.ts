import type { Item, ItemChanges, ItemStatus } from '../domain/item';

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

/**
 * The storage port. Every call is scoped to one owner; an item of another owner does not exist
 * as far as the caller can tell. `expectedVersions` makes a write conditional: undefined means
 * "if the item exists", a list means "if it exists at one of these versions".
 */
export interface ItemRepository {
  /** Stores a new item; fails if the id is taken. */
  insert(owner: string, item: Item): Promise<void>;
  find(owner: string, id: string): Promise<Item | undefined>;
  list(owner: string, query: ItemListQuery): Promise<ItemListPage>;
  /** Applies the changes atomically, bumping the version; throws ItemNotFoundError or VersionMismatchError. */
  update(
    owner: string,
    id: string,
    changes: ItemChanges,
    expectedVersions?: readonly number[],
  ): Promise<Item>;
  /** Throws ItemNotFoundError or VersionMismatchError. */
  delete(owner: string, id: string, expectedVersions?: readonly number[]): Promise<void>;
}
