/**
 * Follows a table's stream on DynamoDB Local, as Lambda's event source mapping does on AWS, and
 * hands every removed record's last image (removal-events.ts) to the table stream worker (src/compose-table-stream.ts:
 * every resource's removal hook and the cascade of children). A record that still fails
 * after its retries is logged as an error (locally the operator's dead-letter queue) and skipped.
 *
 * Each shard remembers the sequence number of the last record it handled. When DynamoDB refuses a
 * position (TrimmedDataAccessException, ExpiredIteratorException), the shard is read again after
 * that record, or from its oldest record if that fails too, passing over records at or before it:
 * nothing still in the stream is missed or handled twice. Never from LATEST, which would skip what
 * was written while the position was lost. DynamoDB Local refuses positions far more often than
 * AWS: its sequence numbers count the writes of every table, and an iterator on an empty shard
 * stays at the shard's first number, so once another table has been written to, the shard's first
 * record is numbered past it and the iterator counts as trimmed (a table made before `npm start`).
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Logger } from '../../logger';
import type { RemovedRecord } from '../../storage/dynamodb/removal-cascade';
import { removedImage } from '../../storage/dynamodb/removal-events';
import { type ShardPage, type StreamReader, streamReader } from './stream-reader';

export interface TableStreamOptions {
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
  readonly onRemove: (removed: RemovedRecord) => Promise<void>;
  readonly logger: Logger;
  readonly pollIntervalMs?: number;
  /** Deliveries of one record, the first included, before it is logged and skipped. */
  readonly attempts?: number;
}

export interface TableStream {
  stop(): Promise<void>;
}

export type StreamFollowerOptions = Pick<
  TableStreamOptions,
  'onRemove' | 'logger' | 'pollIntervalMs' | 'attempts'
>;

export async function followTableStream(options: TableStreamOptions): Promise<TableStream> {
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (streamArn === undefined) throw new Error(`table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const follower = await followStream(streamReader(streams, streamArn), options);
    return {
      async stop() {
        await follower.stop();
        streams.destroy();
      },
    };
  } catch (error) {
    streams.destroy();
    throw error;
  }
}

interface Cursor {
  readonly shardId: string;
  readonly parentId: string | undefined;
  /** The last record handled (delivered, or passed over at start): reading resumes after it. */
  last: string | undefined;
  iterator: string | undefined;
  ended: boolean;
}

/**
 * Follows `reader`'s stream from what it holds now: records already there when this resolves are
 * passed over, as from LATEST, and shards that appear later are read from their oldest record once
 * their parent has been read to its end, so each key's events arrive in order.
 */
export async function followStream(
  reader: StreamReader,
  options: StreamFollowerOptions,
): Promise<TableStream> {
  const interval = options.pollIntervalMs ?? 200;
  const attempts = options.attempts ?? 3;
  const cursors = new Map<string, Cursor>();
  let running = true;

  const discover = async (atStart: boolean) => {
    for (const shard of await reader.shards()) {
      const shardId = shard.ShardId;
      if (shardId === undefined || cursors.has(shardId)) continue;
      // A shard already closed when we start is history, like the records of the open ones.
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      cursors.set(shardId, {
        shardId,
        parentId: shard.ParentShardId,
        last: undefined,
        iterator: undefined,
        ended: atStart && closed,
      });
    }
  };

  const deliver = async (removed: RemovedRecord) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.onRemove(removed);
      } catch (error) {
        if (attempt >= attempts) {
          options.logger.error('media cleanup failed; record skipped', {
            pk: removed.pk,
            sk: removed.sk,
            error,
          });
          return;
        }
      }
    }
  };

  const handle = async (record: _Record) => {
    const image = removedImage({ eventName: record.eventName, ...record.dynamodb });
    if (image !== undefined) await deliver(unmarshall(image));
  };
  const passOver = async () => {};

  /** Reads `cursor`'s shard up to what it holds now, giving each record not yet handled to `use`. */
  const read = async (cursor: Cursor, use: (record: _Record) => Promise<void>) => {
    let recovering = false;
    let fromOldest = false;
    for (;;) {
      let page: ShardPage;
      try {
        cursor.iterator ??= await reader.iterator(cursor.shardId, fromOldest ? undefined : cursor.last);
        page = await reader.page(cursor.iterator);
      } catch (error) {
        cursor.iterator = undefined;
        if (!isLostPosition(error) || fromOldest) throw error;
        if (!recovering) {
          options.logger.warn(
            'table stream position lost; reading the shard again after the last record handled',
            {
              shardId: cursor.shardId,
              reason: error.name,
              after: cursor.last ?? 'nothing yet',
            },
          );
        }
        // Just after the last record failing as well means it is trimmed: the oldest one left.
        fromOldest = recovering || cursor.last === undefined;
        recovering = true;
        continue;
      }
      for (const record of page.records) {
        const sequenceNumber = record.dynamodb?.SequenceNumber;
        if (sequenceNumber === undefined || !isAfter(sequenceNumber, cursor.last)) continue;
        await use(record);
        cursor.last = sequenceNumber;
      }
      cursor.iterator = page.next;
      if (page.next === undefined) {
        cursor.ended = true;
        return;
      }
      // DynamoDB Local answers an empty page only once it has given all the shard holds.
      if (page.records.length === 0) return;
    }
  };

  /** A shard is read once its parent, if we know it, has been read to its end. */
  const ready = (cursor: Cursor) =>
    !cursor.ended && (cursor.parentId === undefined || cursors.get(cursor.parentId)?.ended !== false);

  const poll = async () => {
    await discover(false);
    for (const cursor of cursors.values()) {
      if (!ready(cursor)) continue;
      await read(cursor, handle).catch((error: unknown) => {
        if (running) options.logger.error('table stream poll failed', { shardId: cursor.shardId, error });
      });
    }
  };

  await discover(true);
  for (const cursor of cursors.values()) if (!cursor.ended) await read(cursor, passOver);
  const loop = (async () => {
    while (running) {
      await poll().catch((error: unknown) => {
        if (running) options.logger.error('table stream poll failed', { error });
      });
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

function isLostPosition(error: unknown): error is TrimmedDataAccessException | ExpiredIteratorException {
  return error instanceof TrimmedDataAccessException || error instanceof ExpiredIteratorException;
}

/** Sequence numbers are decimal strings of different lengths: compared as numbers. */
function isAfter(sequenceNumber: string, last: string | undefined): boolean {
  return last === undefined || BigInt(sequenceNumber) > BigInt(last);
}
