import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { recordExists, recordsUnder } from '../../storage/dynamodb/collections';
import {
  allOf,
  anyOf,
  attributeBelow,
  attributeExists,
  attributeNotExists,
  conditionInput,
  UpdateExpression,
} from '../../storage/dynamodb/expressions';
import { bounded, DEFAULT_STORAGE_TIMEOUT_MS, type RepositoryOptions } from '../../storage/dynamodb/failures';
import { claimKeyPut, replayedPart } from '../../storage/dynamodb/idempotency-record';
import { ITEMS_TABLE, ownerKey } from '../../storage/dynamodb/table-design';
import { isTombstone, liveRecord } from '../../storage/dynamodb/tombstone';
import { cancellation, conflictRetried, requestToken } from '../../storage/dynamodb/transactions';
import { IdempotencyKeyInUseError, WriteConflictError } from '../../writes/errors';
import type { IdempotencyClaim, WriteId } from '../../writes/write-request';
import { ItemNotFoundError } from '../items/errors';
import { itemKey } from '../items/item-record';
import { MediaLimitReachedError, MediaNotFoundError } from './errors';
import type { Media } from './media';
import {
  fromMediaRecord,
  generatedPartOf,
  keyOfLocator,
  mediaKey,
  mediaLocator,
  mediaSortKeyPrefix,
  replayedMedia,
  toMediaRecord,
} from './media-record';
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
      liveRecord(),
      anyOf(attributeNotExists(MEDIA_COUNT), attributeBelow(MEDIA_COUNT, limit)),
    );
    const exhausted = () =>
      claim === undefined ? new WriteConflictError(media.itemId) : new IdempotencyKeyInUseError();
    return bounded(this.timeoutMs, (abortSignal) =>
      conflictRetried(CONFLICT_ATTEMPTS, exhausted, async (attempt) => {
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
                ...(claim === undefined
                  ? []
                  : [claimKeyPut(this.tableName, owner, claim, generatedPartOf(media))]),
              ],
            }),
            { abortSignal },
          );
          return { media, replayed: false };
        } catch (error) {
          const reasons = cancellation(error);
          const keyReason = reasons?.[2];
          if (
            claim !== undefined &&
            keyReason?.Code === 'ConditionalCheckFailed' &&
            keyReason.Item !== undefined
          ) {
            // The key's scope names the item, so a replay is of an upload to this same item.
            return { media: replayedMedia(media, replayedPart(keyReason.Item, claim)), replayed: true };
          }
          const itemReason = reasons?.[0];
          if (itemReason?.Code === 'ConditionalCheckFailed') {
            throw itemReason.Item === undefined || isTombstone(itemReason.Item)
              ? new ItemNotFoundError(media.itemId)
              : new MediaLimitReachedError(media.itemId, limit);
          }
          throw error;
        }
      }),
    );
  }

  list(owner: string, itemId: string): Promise<readonly Media[] | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const partition = ownerKey(owner);
      const [itemExists, media] = await Promise.all([
        recordExists(this.client, this.tableName, itemKey(partition, itemId), abortSignal),
        recordsUnder(this.client, this.tableName, partition, mediaSortKeyPrefix(itemId), abortSignal, {
          newestFirst: true,
        }),
      ]);
      return itemExists ? media.map(fromMediaRecord) : undefined;
    });
  }

  find(owner: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return bounded(this.timeoutMs, async (abortSignal) => {
      const partition = ownerKey(owner);
      // A media whose item is gone is gone, though the cascade may not have removed its record yet.
      const [itemExists, { Item: record }] = await Promise.all([
        recordExists(this.client, this.tableName, itemKey(partition, itemId), abortSignal),
        this.client.send(
          new GetCommand({
            TableName: this.tableName,
            Key: mediaKey(partition, itemId, mediaId),
            ConsistentRead: true,
          }),
          { abortSignal },
        ),
      ]);
      return itemExists && record !== undefined ? fromMediaRecord(record) : undefined;
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
    return bounded(this.timeoutMs, (abortSignal) =>
      conflictRetried(
        CONFLICT_ATTEMPTS,
        () => new WriteConflictError(itemId),
        async (attempt) => {
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
                      ...release.build(liveRecord()),
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
        },
      ),
    );
  }

  locate(owner: string, media: Media): string {
    return mediaLocator(ownerKey(owner), media.itemId, media.id);
  }

  findByLocator(locator: string): Promise<StoredMedia | undefined> {
    const key = keyOfLocator(locator);
    if (key === undefined) return Promise.resolve(undefined);
    return bounded(this.timeoutMs, async (abortSignal) => {
      const { Item: record } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
        { abortSignal },
      );
      return record === undefined
        ? undefined
        : { partition: String(record[ITEMS_TABLE.partitionKey]), media: fromMediaRecord(record) };
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
}
