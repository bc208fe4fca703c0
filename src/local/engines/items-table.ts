import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { ITEMS_TABLE, type TableIndex } from '../../storage/dynamodb/table-design';

/**
 * Creates the items table with the same keys, indexes, stream and time to live as the CDK stack,
 * unless it exists; a table that exists gets what it lacks of them.
 */
export async function ensureItemsTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'exists'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await upgrade(client, tableName, Table);
    return 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey, indexes } = ITEMS_TABLE;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: stringAttributes([partitionKey, sortKey, ...indexes.flatMap(keysOf)]),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map(globalSecondaryIndex),
      // The table stream worker follows the table's removals, here as on AWS.
      StreamSpecification: { StreamEnabled: true, StreamViewType: ITEMS_TABLE.streamViewType },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  // CreateTable takes no time-to-live setting; DynamoDB only enables it on a table that exists.
  await enableTimeToLive(client, tableName);
  return 'created';
}

/**
 * A table made by an older version (a developer's .data/) gets the indexes, the stream and the time
 * to live it lacks.
 */
async function upgrade(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription | undefined,
): Promise<void> {
  const stream = table?.StreamSpecification;
  if (stream?.StreamEnabled === true && stream.StreamViewType !== ITEMS_TABLE.streamViewType) {
    // A stream's view type cannot change in place: it is turned off and on again with the new one.
    await client.send(
      new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }),
    );
  }
  if (stream?.StreamEnabled !== true || stream.StreamViewType !== ITEMS_TABLE.streamViewType) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: ITEMS_TABLE.streamViewType },
      }),
    );
  }
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  // One at a time: DynamoDB creates one global secondary index per table at once, and refuses the
  // next (LimitExceededException) until the last is active.
  for (const index of ITEMS_TABLE.indexes.filter(({ name }) => !present.has(name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: stringAttributes(keysOf(index)),
        GlobalSecondaryIndexUpdates: [{ Create: globalSecondaryIndex(index) }],
      }),
    );
    await waitUntilIndexActive(client, tableName, index.name);
  }
  const { TimeToLiveDescription: ttl } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  // Asking again while DynamoDB is still enabling it fails, so ENABLING counts as on.
  const on = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
  if (!on || ttl?.AttributeName !== ITEMS_TABLE.timeToLiveAttribute)
    await enableTimeToLive(client, tableName);
}

/** An index added by UpdateTable is built in the background; queries to it fail until it is active. */
async function waitUntilIndexActive(
  client: DynamoDBClient,
  tableName: string,
  indexName: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find(({ IndexName }) => IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    if (Date.now() > deadline)
      throw new Error(`index ${indexName} of ${tableName} not active after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** DynamoDB deletes idempotency records some time after `expiresAt`, here as on AWS. */
async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: ITEMS_TABLE.timeToLiveAttribute, Enabled: true },
    }),
  );
}

function keysOf(index: TableIndex): string[] {
  return index.sortKey === undefined ? [index.partitionKey] : [index.partitionKey, index.sortKey];
}

/** Each key attribute once (the status index shares the table's sort key); every key is a string. */
function stringAttributes(names: readonly string[]): AttributeDefinition[] {
  return [...new Set(names)].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
}

function globalSecondaryIndex(index: TableIndex): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      ...(index.sortKey === undefined ? [] : [{ AttributeName: index.sortKey, KeyType: 'RANGE' as const }]),
    ],
    Projection: { ProjectionType: index.projection },
  };
}
