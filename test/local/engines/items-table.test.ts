import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { type RunningEngine, startDynamoDbEngine } from '../../../src/local/engines/dynamodb-engine';
import { ensureItemsTable } from '../../../src/local/engines/items-table';
import { createDynamoDbClient } from '../../../src/storage/dynamodb/document-client';

/** The indexes as DynamoDB describes them: name, keys and projection, by name. */
const indexesOf = (table: TableDescription | undefined) =>
  (table?.GlobalSecondaryIndexes ?? [])
    .map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection }))
    .sort((a, b) => String(a.IndexName).localeCompare(String(b.IndexName)));

/** The index of the table design, written out, so a change to the declaration shows up here. */
const DECLARED_INDEXES = [
  {
    IndexName: 'byOwnerStatus',
    KeySchema: [
      { AttributeName: 'ownerStatus', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  },
];

describe('ensureItemsTable', () => {
  // An engine of its own: the run's engine holds every test file's tables, each with time to live,
  // and DynamoDB Local runs its TTL sweeps and its index builds on one pool of ten threads, so an
  // index added by UpdateTable there can wait longer than a test does.
  let engine: RunningEngine | undefined;
  let engineClient: DynamoDBClient | undefined;
  beforeAll(async () => {
    engine = await startDynamoDbEngine();
    engineClient = createDynamoDbClient({ endpoint: engine.endpoint, region: 'us-east-1' });
  }, 60_000);
  afterAll(async () => {
    engineClient?.destroy();
    await engine?.stop();
  });
  const client = (): DynamoDBClient => {
    if (engineClient === undefined) throw new Error('the engine is only there inside tests');
    return engineClient;
  };

  const describeTable = async (tableName: string) => {
    const { Table } = await client().send(new DescribeTableCommand({ TableName: tableName }));
    const { TimeToLiveDescription } = await client().send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    );
    return { table: Table, timeToLive: TimeToLiveDescription };
  };

  it('creates the table with its index, the stream the table stream worker follows and time to live on expiresAt', async () => {
    const tableName = `items-${randomUUID()}`;

    const outcome = await ensureItemsTable(client(), tableName);
    const { table, timeToLive } = await describeTable(tableName);

    expect(outcome).toBe('created');
    expect(indexesOf(table)).toEqual(DECLARED_INDEXES);
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(timeToLive).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('upgrades a table made before indexes, media and time to live (a developer’s .data/) with all three', async () => {
    const tableName = `items-${randomUUID()}`;
    await client().send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );

    const outcome = await ensureItemsTable(client(), tableName);
    const { table, timeToLive } = await describeTable(tableName);

    expect(outcome).toBe('exists');
    expect(indexesOf(table)).toEqual(DECLARED_INDEXES);
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table?.LatestStreamArn).toBeDefined();
    expect(timeToLive).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('gives a table whose stream shows only old images (before tombstones) a stream with both images', async () => {
    // Prepare
    const tableName = `items-${randomUUID()}`;
    await ensureItemsTable(client(), tableName);
    await client().send(
      new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }),
    );
    await client().send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'OLD_IMAGE' },
      }),
    );

    // Act
    const outcome = await ensureItemsTable(client(), tableName);

    // Assess
    const { table } = await describeTable(tableName);
    expect(outcome).toBe('exists');
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('leaves a table that has everything as it is (enabling time to live again would fail)', async () => {
    const tableName = `items-${randomUUID()}`;
    await ensureItemsTable(client(), tableName);
    const before = await describeTable(tableName);

    const outcome = await ensureItemsTable(client(), tableName);
    const after = await describeTable(tableName);

    expect(outcome).toBe('exists');
    expect(after.table?.LatestStreamArn).toBe(before.table?.LatestStreamArn);
    expect(indexesOf(after.table)).toEqual(DECLARED_INDEXES);
    expect(after.timeToLive).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });
});
