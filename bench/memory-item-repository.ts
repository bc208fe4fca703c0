/**
 * The storage fake every benchmark variant is bundled with, so only request handling is timed.
 * It holds a fixed set of items: writes are checked and answered as the real repository would, but
 * not kept. Thousands of timed creates then leave every list page the same size, and every timed
 * PUT, PATCH and DELETE finds the item still at version 1, so one `If-Match: "1"` fits them all.
 */
import { BENCH_ITEM, BENCH_OWNER } from '../fixtures/bench-item';
import { ItemNotFoundError, VersionMismatchError } from '../src/resources/items/errors';
import type { Item, ItemChanges } from '../src/resources/items/item';
import type {
  InsertResult,
  ItemListPage,
  ItemListQuery,
  ItemRepository,
} from '../src/resources/items/item-repository';
import type { IdempotencyClaim, WriteId } from '../src/writes/write-request';

export class MemoryItemRepository implements ItemRepository {
  private readonly owners = new Map<string, Map<string, Item>>();

  constructor(preloaded: Readonly<Record<string, readonly Item[]>> = { [BENCH_OWNER]: [BENCH_ITEM] }) {
    for (const [owner, items] of Object.entries(preloaded)) {
      this.owners.set(owner, new Map(items.map((item) => [item.id, item])));
    }
  }

  /**
   * Writes are not kept, so no write is ever seen twice and the write id has nothing to mark. The
   * claim is ignored: no benchmark request sends an Idempotency-Key (bench/events.ts), so none
   * reaches here; a benchmark that adds one needs keys recorded here first.
   */
  async insert(
    owner: string,
    item: Item,
    _writeId: WriteId,
    _claim?: IdempotencyClaim,
  ): Promise<InsertResult> {
    if (this.items(owner).has(item.id)) throw new Error(`Item ${item.id} already exists`);
    return { item, replayed: false };
  }

  async find(owner: string, id: string): Promise<Item | undefined> {
    return this.items(owner).get(id);
  }

  async list(owner: string, query: ItemListQuery): Promise<ItemListPage> {
    const { after, status } = query;
    const matching = [...this.items(owner).values()]
      .filter(
        (item) =>
          (status === undefined || item.status === status) && (after === undefined || item.id < after),
      )
      // UUIDv7 ids sort by creation time: descending id order is newest first, as the table's sort key gives.
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    return { items: matching.slice(0, query.limit), hasMore: matching.length > query.limit };
  }

  async update(
    owner: string,
    id: string,
    changes: ItemChanges,
    _writeId: WriteId,
    expectedVersions?: readonly number[],
  ): Promise<Item> {
    const { description, ...current } = this.current(owner, id, expectedVersions);
    const kept = changes.description === undefined && description !== undefined ? { description } : {};
    return {
      ...current,
      ...kept,
      ...(changes.name !== undefined && { name: changes.name }),
      ...(typeof changes.description === 'string' && { description: changes.description }),
      ...(changes.status !== undefined && { status: changes.status }),
      updatedAt: changes.updatedAt,
      version: current.version + 1,
    };
  }

  async delete(
    owner: string,
    id: string,
    _writeId: WriteId,
    expectedVersions?: readonly number[],
  ): Promise<void> {
    this.current(owner, id, expectedVersions);
  }

  private items(owner: string): ReadonlyMap<string, Item> {
    return this.owners.get(owner) ?? new Map();
  }

  /** The stored item, if it exists at one of the expected versions (any version when undefined). */
  private current(owner: string, id: string, expectedVersions: readonly number[] | undefined): Item {
    const item = this.items(owner).get(id);
    if (item === undefined) throw new ItemNotFoundError(id);
    if (expectedVersions !== undefined && !expectedVersions.includes(item.version)) {
      throw new VersionMismatchError(id);
    }
    return item;
  }
}
