import {
  ConditionalCheckFailedException,
  TransactionConflictException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  allOf,
  attributeNotExists,
  conditionInput,
  UpdateExpression,
} from '../../storage/dynamodb/expressions';
import { bounded, DEFAULT_STORAGE_TIMEOUT_MS, type RepositoryOptions } from '../../storage/dynamodb/failures';
import { claimKeyPut, replayedPart } from '../../storage/dynamodb/idempotency-record';
import { ITEMS_TABLE, ownerKey } from '../../storage/dynamodb/table-design';
import { isTombstone, tombstoneRecord } from '../../storage/dynamodb/tombstone';
import { cancellation, requestToken } from '../../storage/dynamodb/transactions';
import { LAST_WRITE, notWrittenBy, ownEarlierWrite } from '../../storage/dynamodb/write-marker';
import { IdempotencyKeyInUseError, WriteConflictError } from '../../writes/errors';
import type { IdempotencyClaim, WriteId } from '../../writes/write-request';
import { ItemNotFoundError, VersionMismatchError } from './errors';
import type { Item, ItemChanges } from './item';
import { listQueryInput, readPage } from './item-list-query';
import {
  fromItemRecord,
  generatedPartOf,
  itemKey,
  replayedItem,
  statusIndexKey,
  toItemRecord,
  versionCondition,
} from './item-record';
import type { InsertResult, ItemListPage, ItemListQuery, ItemRepository } from './item-repository';

/** ItemRepository on one DynamoDB table; see docs/dynamodb-design.md for the access patterns. */
export class DynamoDbItemRepository implements ItemRepository {
  private readonly timeoutMs: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: Partial<RepositoryOptions> = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORAGE_TIMEOUT_MS;
  }

  insert(owner: string, item: Item, writeId: WriteId, claim?: IdempotencyClaim): Promise<InsertResult> {
    return bounded(this.timeoutMs, (abortSignal) =>
      claim === undefined
        ? this.insertOnce(owner, item, writeId, abortSignal)
        : this.insertWithClaim(owner, item, writeId, claim, abortSignal),
    );
  }

  find(owner: string, id: string): Promise<Item | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const { Item: record } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: key(owner, id), ConsistentRead: true }),
        { abortSignal },
      );
      return record === undefined || isTombstone(record) ? undefined : fromItemRecord(record);
    });
  }

  list(owner: string, query: ItemListQuery): Promise<ItemListPage> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const records = await readPage(this.client, listQueryInput(this.tableName, owner, query), abortSignal);
      return {
        items: records.slice(0, query.limit).map(fromItemRecord),
        hasMore: records.length > query.limit,
      };
    });
  }

  update(
    owner: string,
    id: string,
    changes: ItemChanges,
    writeId: WriteId,
    expectedVersions?: readonly number[],
  ): Promise<Item> {
    const update = new UpdateExpression()
      .set('updatedAt', changes.updatedAt)
      .increment('version', 1)
      .set(LAST_WRITE, writeId);
    if (changes.name !== undefined) update.set('name', changes.name);
    if (changes.status !== undefined) {
      update.set('status', changes.status);
      const indexKey = statusIndexKey(owner, changes.status);
      if (indexKey === undefined) update.remove(ITEMS_TABLE.statusIndex.partitionKey);
      else update.set(ITEMS_TABLE.statusIndex.partitionKey, indexKey);
    }
    if (changes.description === null) update.remove('description');
    else if (changes.description !== undefined) update.set('description', changes.description);
    return bounded(this.timeoutMs, async (abortSignal) => {
      try {
        const { Attributes: record } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key(owner, id),
            ...update.build(allOf(versionCondition(expectedVersions), notWrittenBy(writeId))),
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
          { abortSignal },
        );
        if (record === undefined) throw new Error(`UpdateItem on ${id} returned no attributes`);
        return fromItemRecord(record);
      } catch (error) {
        if (error instanceof TransactionConflictException) throw new WriteConflictError(id);
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (error.Item === undefined || isTombstone(error.Item)) throw new ItemNotFoundError(id);
        // An earlier attempt of this very request committed and its answer was lost: the stored
        // item is that write's result (any later write would have replaced the marker).
        const ours = ownEarlierWrite(error.Item, writeId);
        if (ours !== undefined) return fromItemRecord(ours);
        throw new VersionMismatchError(id);
      }
    });
  }

  delete(owner: string, id: string, writeId: WriteId, expectedVersions?: readonly number[]): Promise<void> {
    // A tombstone, not a DeleteItem: it keeps this request's marker for the idempotency window, so a
    // retry of a committed delete recognises it, at the units of a DeleteItem (tombstone.ts).
    const tombstone = tombstoneRecord(key(owner, id), writeId, new Date());
    return bounded(this.timeoutMs, async (abortSignal) => {
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: tombstone,
            ...conditionInput(versionCondition(expectedVersions)),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
          { abortSignal },
        );
      } catch (error) {
        if (error instanceof TransactionConflictException) throw new WriteConflictError(id);
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (error.Item === undefined) throw new ItemNotFoundError(id);
        if (!isTombstone(error.Item)) throw new VersionMismatchError(id);
        // Deleted already: by an earlier attempt of this request (its answer lost), or by another.
        if (ownEarlierWrite(error.Item, writeId) === undefined) throw new ItemNotFoundError(id);
      }
    });
  }

  private async insertOnce(
    owner: string,
    item: Item,
    writeId: WriteId,
    abortSignal: AbortSignal,
  ): Promise<InsertResult> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItemRecord(owner, item, writeId),
          ...conditionInput(attributeNotExists(ITEMS_TABLE.partitionKey)),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
        { abortSignal },
      );
    } catch (error) {
      // The id is new, so an item already under it can only be our own earlier attempt's.
      const ours = error instanceof ConditionalCheckFailedException && ownEarlierWrite(error.Item, writeId);
      if (ours === false || ours === undefined) throw error;
    }
    return { item, replayed: false };
  }

  private async insertWithClaim(
    owner: string,
    item: Item,
    writeId: WriteId,
    claim: IdempotencyClaim,
    abortSignal: AbortSignal,
  ): Promise<InsertResult> {
    // The item and the key's record in one transaction: there is no moment where one exists
    // without the other, so a crash can neither block the key nor leave an unclaimed item.
    try {
      await this.client.send(
        new TransactWriteCommand({
          ClientRequestToken: requestToken(writeId, `insert ${item.id}`),
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: toItemRecord(owner, item, writeId),
                ...conditionInput(attributeNotExists(ITEMS_TABLE.partitionKey)),
              },
            },
            claimKeyPut(this.tableName, owner, claim, generatedPartOf(item)),
          ],
        }),
        { abortSignal },
      );
      return { item, replayed: false };
    } catch (error) {
      const reasons = cancellation(error);
      const recordReason = reasons?.[1];
      if (recordReason?.Code === 'ConditionalCheckFailed' && recordReason.Item !== undefined) {
        // The condition admits expired records, so this one is live: the key is taken.
        return { item: replayedItem(item, replayedPart(recordReason.Item, claim)), replayed: true };
      }
      if (
        reasons?.some((reason) => reason.Code === 'TransactionConflict') === true ||
        error instanceof TransactionInProgressException
      ) {
        throw new IdempotencyKeyInUseError();
      }
      throw error;
    }
  }
}

const key = (owner: string, id: string): Record<string, string> => itemKey(ownerKey(owner), id);
