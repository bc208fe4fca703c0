import { TransactionInProgressException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  ItemNotFoundError,
  MediaLimitReachedError,
  MediaNotFoundError,
  WriteConflictError,
} from '../../errors/client-error';
import {
  allOf,
  anyOf,
  attributeAtMost,
  attributeBelow,
  attributeExists,
  attributeNotExists,
  conditionInput,
  UpdateExpression,
} from '../../storage/dynamodb/expressions';
import { bounded } from '../../storage/dynamodb/failures';
import {
  ITEMS_TABLE,
  idempotencySortKey,
  itemKey,
  mediaSortKey,
  mediaSortKeyPrefix,
  ownerKey,
} from '../../storage/dynamodb/table-design';
import { cancellation, requestToken } from '../../storage/dynamodb/transactions';
import { DEFAULT_STORAGE_TIMEOUT_MS, type RepositoryOptions } from '../items/dynamodb-item-repository';
import type { IdempotencyClaim, WriteId } from '../items/item-repository';
import type { Media } from './media';
import { fromMediaRecord, toMediaRecord } from './media-record';
import type { MediaInsertResult, MediaMaintenance, MediaRepository, StoredMedia } from './media-repository';

const MEDIA_COUNT = ITEMS_TABLE.mediaCountAttribute;
/** Attempts at a media transaction that collided with another write to the same item (uploads in parallel). */
const CONFLICT_ATTEMPTS = 3;

/** MediaRepository and the workers' MediaMaintenance on the items table; see docs/dynamodb-design.md. */
export class DynamoDbMediaRepository implements MediaRepository, MediaMaintenance {
  private readonly timeoutMs: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: Partial<RepositoryOptions> = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORAGE_TIMEOUT_MS;
  }

  insert(
    owner: string,
    media: Media,
    limit: number,
    writeId: WriteId,
    claim?: IdempotencyClaim,
  ): Promise<MediaInsertResult> {
    // The item's count goes up in the same transaction that records the media, on the condition
    // that it is below the limit: concurrent uploads cannot pass it, and a missing item fails it.
    const slot = new UpdateExpression().add(MEDIA_COUNT, 1);
    const hasRoom = allOf(
      attributeExists(ITEMS_TABLE.partitionKey),
      anyOf(attributeNotExists(MEDIA_COUNT), attributeBelow(MEDIA_COUNT, limit)),
    );
    const keyIsFree =
      claim === undefined
        ? undefined
        : anyOf(
            attributeNotExists(ITEMS_TABLE.partitionKey),
            attributeAtMost(ITEMS_TABLE.timeToLiveAttribute, claim.now),
          );
    return this.conflictRetried(media.itemId, claim !== undefined, async (attempt, abortSignal) => {
      try {
        await this.client.send(
          new TransactWriteCommand({
            ClientRequestToken: requestToken(writeId, `insert media ${media.id} ${attempt}`),
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: itemKey(ownerKey(owner), media.itemId),
                  ...slot.build(hasRoom),
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: toMediaRecord(owner, media, writeId),
                  ...conditionInput(attributeNotExists(ITEMS_TABLE.partitionKey)),
                },
              },
              ...(claim === undefined || keyIsFree === undefined
                ? []
                : [
                    {
                      Put: {
                        TableName: this.tableName,
                        Item: {
                          pk: ownerKey(owner),
                          sk: idempotencySortKey(claim.scope, claim.keyDigest),
                          fingerprint: claim.fingerprint,
                          [ITEMS_TABLE.timeToLiveAttribute]: claim.expiresAt,
                          media,
                        },
                        ...conditionInput(keyIsFree),
                        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
                      },
                    },
                  ]),
            ],
          }),
          { abortSignal },
        );
        return { media, replayed: false };
      } catch (error) {
        const reasons = cancellation(error);
        const keyReason = reasons?.[2];
        if (keyReason?.Code === 'ConditionalCheckFailed' && keyReason.Item !== undefined) {
          const first = unmarshall(keyReason.Item);
          const firstMedia =
            typeof first.media === 'object' && first.media !== null
              ? fromMediaRecord({ ...first.media, pk: first.pk, sk: first.sk })
              : undefined;
          // The same key and body on another item is another request.
          if (first.fingerprint !== claim?.fingerprint || firstMedia?.itemId !== media.itemId)
            throw new IdempotencyKeyReusedError();
          return { media: firstMedia, replayed: true };
        }
        const itemReason = reasons?.[0];
        if (itemReason?.Code === 'ConditionalCheckFailed') {
          throw itemReason.Item === undefined
            ? new ItemNotFoundError(media.itemId)
            : new MediaLimitReachedError(media.itemId, limit);
        }
        throw error;
      }
    });
  }

  list(owner: string, itemId: string): Promise<readonly Media[] | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const partition = ownerKey(owner);
      const [item, media] = await Promise.all([
        this.client.send(
          new GetCommand({
            TableName: this.tableName,
            Key: itemKey(partition, itemId),
            ProjectionExpression: '#pk',
            ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey },
            ConsistentRead: true,
          }),
          { abortSignal },
        ),
        this.query(partition, itemId, abortSignal),
      ]);
      return item.Item === undefined ? undefined : media.map(fromMediaRecord);
    });
  }

  find(owner: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const { Item: record } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: mediaKey(ownerKey(owner), itemId, mediaId),
          ConsistentRead: true,
        }),
        { abortSignal },
      );
      return record === undefined ? undefined : fromMediaRecord(record);
    });
  }

  markReady(owner: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return this.setReady(ownerKey(owner), itemId, mediaId);
  }

  async markStoredReady({ partition, media }: StoredMedia): Promise<boolean> {
    return (await this.setReady(partition, media.itemId, media.id)) !== undefined;
  }

  delete(owner: string, itemId: string, mediaId: string, writeId: WriteId): Promise<void> {
    const partition = ownerKey(owner);
    const release = new UpdateExpression().add(MEDIA_COUNT, -1);
    return this.conflictRetried(itemId, false, async (attempt, abortSignal) => {
      try {
        await this.client.send(
          new TransactWriteCommand({
            ClientRequestToken: requestToken(writeId, `delete media ${mediaId} ${attempt}`),
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: mediaKey(partition, itemId, mediaId),
                  ...conditionInput(attributeExists(ITEMS_TABLE.partitionKey)),
                },
              },
              {
                Update: {
                  TableName: this.tableName,
                  Key: itemKey(partition, itemId),
                  ...release.build(attributeExists(ITEMS_TABLE.partitionKey)),
                },
              },
            ],
          }),
          { abortSignal },
        );
      } catch (error) {
        // No such media, or its item is gone (its media are being removed with it): 404 either way.
        if (cancellation(error)?.some((reason) => reason.Code === 'ConditionalCheckFailed') === true) {
          throw new MediaNotFoundError(itemId, mediaId);
        }
        throw error;
      }
    });
  }

  findByObjectKey(objectKey: string): Promise<StoredMedia | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const index = ITEMS_TABLE.objectKeyIndex;
      const { Items: keys = [] } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#objectKey = :objectKey',
          ExpressionAttributeNames: { '#objectKey': index.partitionKey },
          ExpressionAttributeValues: { ':objectKey': objectKey },
        }),
        { abortSignal },
      );
      const found = keys[0];
      if (found === undefined) return undefined;
      const { Item: record } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: found.pk, sk: found.sk },
          ConsistentRead: true,
        }),
        { abortSignal },
      );
      return record === undefined
        ? undefined
        : { partition: String(record.pk), media: fromMediaRecord(record) };
    });
  }

  mediaOfItem(partition: string, itemId: string): Promise<readonly StoredMedia[]> {
    return bounded(this.timeoutMs, async (abortSignal) =>
      (await this.query(partition, itemId, abortSignal)).map((record) => ({
        partition,
        media: fromMediaRecord(record),
      })),
    );
  }

  remove({ partition, media }: StoredMedia): Promise<void> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: mediaKey(partition, media.itemId, media.id) }),
        { abortSignal },
      );
    });
  }

  private setReady(partition: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      try {
        const { Attributes: record } = await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: mediaKey(partition, itemId, mediaId),
            ...new UpdateExpression().set('status', 'ready').build(attributeExists(ITEMS_TABLE.partitionKey)),
            ReturnValues: 'ALL_NEW',
          }),
          { abortSignal },
        );
        return record === undefined ? undefined : fromMediaRecord(record);
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    });
  }

  private async query(
    partition: string,
    itemId: string,
    abortSignal: AbortSignal,
  ): Promise<Record<string, unknown>[]> {
    const records: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey, '#sk': ITEMS_TABLE.sortKey },
          ExpressionAttributeValues: { ':pk': partition, ':prefix': mediaSortKeyPrefix(itemId) },
          ScanIndexForward: false,
          ConsistentRead: true,
          ...(start !== undefined && { ExclusiveStartKey: start }),
        }),
        { abortSignal },
      );
      records.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return records;
  }

  /**
   * Runs a transaction on an item's records, again (a new token per attempt) when it collided with
   * another in flight on the same item: uploads started together are not the client's error.
   */
  private conflictRetried<T>(
    itemId: string,
    idempotent: boolean,
    call: (attempt: number, abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(attempt, abortSignal);
        } catch (error) {
          const conflict =
            cancellation(error)?.some((reason) => reason.Code === 'TransactionConflict') === true ||
            error instanceof TransactionInProgressException;
          if (!conflict) throw error;
          if (attempt >= CONFLICT_ATTEMPTS)
            throw idempotent ? new IdempotencyKeyInUseError() : new WriteConflictError(itemId);
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
        }
      }
    });
  }
}

function mediaKey(partition: string, itemId: string, mediaId: string): Record<string, string> {
  return { [ITEMS_TABLE.partitionKey]: partition, [ITEMS_TABLE.sortKey]: mediaSortKey(itemId, mediaId) };
}
