/** The DynamoDB Streams calls the local stream follower makes (./table-stream.ts), behind a small interface its tests can stand in for. */
import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';

/** One page of a shard; `next` is absent once a closed shard has been read to its end. */
export interface ShardPage {
  readonly records: readonly _Record[];
  readonly next: string | undefined;
}

/** The DynamoDB Streams calls the follower makes on one stream. */
export interface StreamReader {
  /** Every shard the stream still has, open and closed. */
  shards(): Promise<readonly Shard[]>;
  /** An iterator just after `sequenceNumber`, or at the shard's oldest record without one. */
  iterator(shardId: string, sequenceNumber: string | undefined): Promise<string>;
  page(iterator: string): Promise<ShardPage>;
}

/** The reader of one stream on DynamoDB Local (or AWS). */
export function streamReader(streams: DynamoDBStreamsClient, streamArn: string): StreamReader {
  return {
    async shards() {
      const shards: Shard[] = [];
      let start: string | undefined;
      do {
        const { StreamDescription } = await streams.send(
          new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
        );
        const page = StreamDescription?.Shards ?? [];
        shards.push(...page);
        start = page.length === 0 ? undefined : StreamDescription?.LastEvaluatedShardId;
      } while (start !== undefined);
      return shards;
    },
    async iterator(shardId, sequenceNumber) {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(sequenceNumber === undefined
            ? { ShardIteratorType: 'TRIM_HORIZON' }
            : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequenceNumber }),
        }),
      );
      if (ShardIterator === undefined) throw new Error(`no iterator for shard ${shardId}`);
      return ShardIterator;
    },
    async page(iterator) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator }),
      );
      return { records: Records, next: NextShardIterator };
    },
  };
}
