import type { PageScope, PageTokenCodec } from '../../paging/page-token';
import { idempotencyClaim, type WriteRequest } from '../../writes/write-request';
import { ItemNotFoundError } from './errors';
import {
  DEFAULT_ITEM_STATUS,
  type Item,
  type ItemFields,
  type ItemMergePatch,
  type ItemStatus,
  mergePatchChanges,
  replacementChanges,
} from './item';
import type { InsertResult, ItemRepository } from './item-repository';

export interface ItemServiceDependencies {
  readonly repository: ItemRepository;
  readonly pageTokens: PageTokenCodec;
  /** New ids must sort by creation time (UUIDv7), so "newest first" is key order. */
  readonly newId: () => string;
  readonly now: () => Date;
}

export interface ListItemsQuery {
  readonly limit: number;
  readonly status?: ItemStatus;
  readonly pageToken?: string;
}

export interface ItemList {
  readonly items: readonly Item[];
  readonly nextPageToken?: string;
}

/** A write's precondition: the versions the caller's If-Match allows, or undefined for any. */
export type ExpectedVersions = readonly number[] | undefined;

export type CreateResult = InsertResult;

/** The items use cases. Every call is made on behalf of one owner and sees only that owner's items. */
export class ItemService {
  constructor(private readonly deps: ItemServiceDependencies) {}

  /** Creates an item; under an idempotency key already used with the same request, answers that request's item. */
  create(owner: string, fields: ItemFields, write: WriteRequest): Promise<CreateResult> {
    const now = this.deps.now();
    const timestamp = now.toISOString();
    const item: Item = {
      id: this.deps.newId(),
      name: fields.name,
      ...(fields.description !== undefined && { description: fields.description }),
      status: fields.status ?? DEFAULT_ITEM_STATUS,
      createdAt: timestamp,
      updatedAt: timestamp,
      version: 1,
    };
    return this.deps.repository.insert(owner, item, write.writeId, idempotencyClaim(write, now));
  }

  async get(owner: string, id: string): Promise<Item> {
    const item = await this.deps.repository.find(owner, id);
    if (item === undefined) throw new ItemNotFoundError(id);
    return item;
  }

  async list(owner: string, query: ListItemsQuery): Promise<ItemList> {
    const scope: PageScope = { owner, filter: query.status === undefined ? '' : `status=${query.status}` };
    const after =
      query.pageToken === undefined ? undefined : this.deps.pageTokens.read(scope, query.pageToken);
    const page = await this.deps.repository.list(owner, {
      limit: query.limit,
      ...(query.status !== undefined && { status: query.status }),
      ...(after !== undefined && { after }),
    });
    const last = page.items.at(-1);
    return {
      items: page.items,
      ...(page.hasMore &&
        last !== undefined && { nextPageToken: this.deps.pageTokens.issue(scope, last.id) }),
    };
  }

  replace(
    owner: string,
    id: string,
    fields: ItemFields,
    expected: ExpectedVersions,
    write: WriteRequest,
  ): Promise<Item> {
    const changes = replacementChanges(fields, this.timestamp());
    return this.deps.repository.update(owner, id, changes, write.writeId, expected);
  }

  update(
    owner: string,
    id: string,
    patch: ItemMergePatch,
    expected: ExpectedVersions,
    write: WriteRequest,
  ): Promise<Item> {
    const changes = mergePatchChanges(patch, this.timestamp());
    return this.deps.repository.update(owner, id, changes, write.writeId, expected);
  }

  delete(owner: string, id: string, expected: ExpectedVersions, write: WriteRequest): Promise<void> {
    return this.deps.repository.delete(owner, id, write.writeId, expected);
  }

  private timestamp(): string {
    return this.deps.now().toISOString();
  }
}
