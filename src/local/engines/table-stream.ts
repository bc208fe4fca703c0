/**
 * Follows a table's stream on DynamoDB Local, as Lambda's event source mapping does on AWS, and
 * hands every REMOVE event's old image to the media stream worker. A record that still fails
 * after its retries is logged as an error (locally the operator's dead-letter queue) and skipped.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Logger } from '../../logger';
import type { RemovedRecord } from '../../storage/dynamodb/removal-cascade';

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

export async function followTableStream(options: TableStreamOptions): Promise<TableStream> {
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (streamArn === undefined) throw new Error(`table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const interval = options.pollIntervalMs ?? 200;
  const attempts = options.attempts ?? 3;
  const iterators = new Map<string, string | undefined>();
  const started = new Set<string>();
  let first = true;
  let running = true;

  const discover = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (shardId === undefined || started.has(shardId)) continue;
      started.add(shardId);
      // Shards open when we start: from now on; shards that appear later: from their beginning.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: first ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      iterators.set(shardId, ShardIterator);
    }
    first = false;
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

  const poll = async () => {
    await discover();
    for (const [shardId, iterator] of iterators) {
      if (iterator === undefined) continue;
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator }),
      );
      iterators.set(shardId, NextShardIterator);
      for (const record of Records) {
        const image = record.dynamodb?.OldImage;
        if (record.eventName === 'REMOVE' && image !== undefined) await deliver(unmarshall(image));
      }
    }
  };

  await discover();
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
      streams.destroy();
    },
  };
}
