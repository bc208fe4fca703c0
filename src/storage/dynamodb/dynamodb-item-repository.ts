import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ItemNotFoundError, VersionMismatchError } from '../../domain/errors';
import type { Item, ItemChanges } from '../../domain/item';
import type { ItemListPage, ItemListQuery, ItemRepository } from '../item-repository';
import {
  allOf,
  attributeExists,
  attributeIn,
  attributeNotExists,
  type Condition,
  conditionInput,
  UpdateExpression,
} from './expressions';
import { fromItemRecord, toItemRecord } from './item-record';
import { ITEM_SORT_KEY_PREFIX, ITEMS_TABLE, itemSortKey, ownerKey, ownerStatusKey } from './table-design';

/** ItemRepository on one DynamoDB table; see docs/dynamodb-design.md for the access patterns. */
export class DynamoDbItemRepository implements ItemRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async insert(owner: string, item: Item): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: toItemRecord(owner, item),
        ...conditionInput(attributeNotExists(ITEMS_TABLE.partitionKey)),
      }),
    );
  }

  async find(owner: string, id: string): Promise<Item | undefined> {
    const { Item: record } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key(owner, id), ConsistentRead: true }),
    );
    return record === undefined ? undefined : fromItemRecord(record);
  }

  async list(owner: string, query: ItemListQuery): Promise<ItemListPage> {
    const { Items: records = [] } = await this.client.send(
      new QueryCommand(listQueryInput(this.tableName, owner, query)),
    );
    return {
      items: records.slice(0, query.limit).map(fromItemRecord),
      hasMore: records.length > query.limit,
    };
  }

  async update(
    owner: string,
    id: string,
    changes: ItemChanges,
    expectedVersions?: readonly number[],
  ): Promise<Item> {
    const update = new UpdateExpression().set('updatedAt', changes.updatedAt).increment('version', 1);
    if (changes.name !== undefined) update.set('name', changes.name);
    if (changes.status !== undefined) {
      update
        .set('status', changes.status)
        .set(ITEMS_TABLE.statusIndex.partitionKey, ownerStatusKey(owner, changes.status));
    }
    if (changes.description === null) update.remove('description');
    else if (changes.description !== undefined) update.set('description', changes.description);
    const { Attributes: record } = await this.conditionally(id, () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(owner, id),
          ...update.build(versionCondition(expectedVersions)),
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    if (record === undefined) throw new Error(`UpdateItem on ${id} returned no attributes`);
    return fromItemRecord(record);
  }

  async delete(owner: string, id: string, expectedVersions?: readonly number[]): Promise<void> {
    const condition = versionCondition(expectedVersions);
    await this.conditionally(id, () =>
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key(owner, id),
          ...conditionInput(condition),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
  }

  /** Runs a conditional write, telling "no such item" from "item at another version" by the old image. */
  private async conditionally<T>(id: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw error.Item === undefined ? new ItemNotFoundError(id) : new VersionMismatchError(id);
      }
      throw error;
    }
  }
}

function key(owner: string, id: string): Record<string, string> {
  return { [ITEMS_TABLE.partitionKey]: ownerKey(owner), [ITEMS_TABLE.sortKey]: itemSortKey(id) };
}

/** The one Query a page of the owner's items takes; exported so the benchmark measures exactly it. */
export function listQueryInput(tableName: string, owner: string, query: ItemListQuery): QueryCommandInput {
  return {
    TableName: tableName,
    ...listKeyCondition(owner, query),
    ScanIndexForward: false,
    // One more than asked tells whether another page exists, so the last page carries no token.
    Limit: query.limit + 1,
  };
}

function listKeyCondition(owner: string, query: ItemListQuery): Partial<QueryCommandInput> {
  const after = query.after === undefined ? undefined : key(owner, query.after);
  if (query.status === undefined) {
    return {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :itemPrefix)',
      ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey, '#sk': ITEMS_TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': ownerKey(owner), ':itemPrefix': ITEM_SORT_KEY_PREFIX },
      ConsistentRead: true,
      ...(after !== undefined && { ExclusiveStartKey: after }),
    };
  }
  const partition = ownerStatusKey(owner, query.status);
  return {
    IndexName: ITEMS_TABLE.statusIndex.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': ITEMS_TABLE.statusIndex.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
    ...(after !== undefined && {
      ExclusiveStartKey: { ...after, [ITEMS_TABLE.statusIndex.partitionKey]: partition },
    }),
  };
}

/** The item exists and, when the caller named versions, is at one of them. */
function versionCondition(expectedVersions: readonly number[] | undefined): Condition {
  const exists = attributeExists(ITEMS_TABLE.partitionKey);
  if (expectedVersions === undefined) return exists;
  // If-Match listed only tags that can never match (weak ones): fail on any existing item.
  if (expectedVersions.length === 0) return allOf(exists, attributeNotExists(ITEMS_TABLE.partitionKey));
  return allOf(exists, attributeIn('version', expectedVersions));
}
