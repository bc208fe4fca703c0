/**
 * The table stream worker's Lambda entry, fed what Lambda would feed it: the records DynamoDB
 * Local's stream holds for real writes, as JSON. It acts on removals only: a tombstone being
 * written removes the item's media; an update does not, nor does time to live taking the tombstone.
 */
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { type _Record, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { uuidv7 } from '../../src/ids/uuid-v7';
import { streamReader } from '../../src/local/engines/stream-reader';
import { DynamoDbItemRepository } from '../../src/resources/items/dynamodb-item-repository';
import type { Item } from '../../src/resources/items/item';
import { itemKey } from '../../src/resources/items/item-record';
import { DynamoDbMediaRepository } from '../../src/resources/media/dynamodb-media-repository';
import type { Media } from '../../src/resources/media/media';
import { mediaKey, toMediaRecord } from '../../src/resources/media/media-record';
import { createDocumentClient } from '../../src/storage/dynamodb/document-client';
import { ownerKey } from '../../src/storage/dynamodb/table-design';
import { createTestTable, engineEndpoint } from '../support/table';

const OWNER = 'stream-owner';
const NOW = '2026-12-05T10:00:00.000Z';

const newItem = (): Item => ({
  id: uuidv7(),
  name: 'Quarterly report',
  status: 'active',
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
});
const newMedia = (itemId: string): Media => ({
  id: uuidv7(),
  itemId,
  status: 'pending',
  contentType: 'image/png',
  size: 10,
  createdAt: NOW,
  objectKey: `media/${randomUUID().replaceAll('-', '')}`,
  pendingUntil: 1_796_000_000,
});

/** Lambda hands the function the stream's records as JSON, in the shape the Streams API returns them. */
const asLambdaEvent = (records: readonly _Record[]): DynamoDBStreamEvent =>
  JSON.parse(JSON.stringify({ Records: records }));

describe('table stream entry (src/entries/table-stream.ts)', () => {
  const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  const streams = new DynamoDBStreamsClient({
    endpoint: engineEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  afterAll(() => {
    client.destroy();
    streams.destroy();
  });
  let tableName = '';
  let handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: unknown[] }>;
  let read: () => Promise<_Record[]>;
  beforeAll(async () => {
    tableName = await createTestTable();
    process.env.TABLE_NAME = tableName;
    // Loaded only now, as the Lambda runtime does, after the environment is in place.
    ({ handler } =
      require('../../src/entries/table-stream') as typeof import('../../src/entries/table-stream'));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const reader = streamReader(streams, String(Table?.LatestStreamArn));
    const last = new Map<string, string>();
    // The records written since the last call, shard by shard.
    read = async () => {
      const records: _Record[] = [];
      for (const { ShardId: shardId = '' } of await reader.shards()) {
        const shardRecords: _Record[] = [];
        let iterator: string | undefined = await reader.iterator(shardId, last.get(shardId));
        while (iterator !== undefined) {
          const page = await reader.page(iterator);
          shardRecords.push(...page.records);
          iterator = page.records.length === 0 ? undefined : page.next;
        }
        const newest = shardRecords.at(-1)?.dynamodb?.SequenceNumber;
        if (newest !== undefined) last.set(shardId, newest);
        records.push(...shardRecords);
      }
      return records;
    };
  });

  const stored = async (key: Record<string, string>) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  it('removes a deleted item’s media for its tombstone, and nothing for an update or the tombstone expiring', async () => {
    // Prepare: an item with a media, updated, then deleted (a tombstone).
    const items = new DynamoDbItemRepository(client, tableName);
    const media = new DynamoDbMediaRepository(client, tableName);
    const item = newItem();
    await items.insert(OWNER, item, randomUUID());
    const first = newMedia(item.id);
    await media.insert(OWNER, first, 20, randomUUID());
    await items.update(OWNER, item.id, { name: 'Renamed', updatedAt: NOW }, randomUUID());
    await read();
    await items.update(OWNER, item.id, { name: 'Renamed again', updatedAt: NOW }, randomUUID());
    const afterUpdate = await read();
    await items.delete(OWNER, item.id, randomUUID());
    const afterDelete = await read();
    const partition = ownerKey(OWNER);

    // Act 1: an update's MODIFY.
    const updateOutcome = await handler(asLambdaEvent(afterUpdate));
    const mediaAfterUpdate = await stored(mediaKey(partition, item.id, first.id));

    // Act 2: the tombstone's MODIFY.
    const deleteOutcome = await handler(asLambdaEvent(afterDelete));
    const mediaAfterDelete = await stored(mediaKey(partition, item.id, first.id));

    // Act 3: a media record under the item again (written directly: the API refuses it), then time
    // to live taking the tombstone. Were its REMOVE a removal, the cascade would take the record.
    const late = newMedia(item.id);
    await client.send(
      new PutCommand({ TableName: tableName, Item: toMediaRecord(OWNER, late, randomUUID()) }),
    );
    await read();
    await client.send(new DeleteCommand({ TableName: tableName, Key: itemKey(partition, item.id) }));
    const expiry = await read();
    const expiryOutcome = await handler(asLambdaEvent(expiry));
    const lateAfterExpiry = await stored(mediaKey(partition, item.id, late.id));

    // Assess
    expect(afterUpdate.map((record) => record.eventName)).toEqual(['MODIFY']);
    expect(afterDelete.map((record) => record.eventName)).toEqual(['MODIFY']);
    expect(updateOutcome.batchItemFailures).toEqual([]);
    expect(mediaAfterUpdate).toBeDefined();
    expect(deleteOutcome.batchItemFailures).toEqual([]);
    expect(mediaAfterDelete).toBeUndefined();
    expect(expiry.map((record) => record.eventName)).toEqual(['REMOVE']);
    expect(expiryOutcome.batchItemFailures).toEqual([]);
    expect(lateAfterExpiry).toBeDefined();
  });
});
