import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { ITEMS_TABLE } from '../../storage/dynamodb/table-design';

/** Creates the items table with the same keys, indexes and stream as the CDK stack, unless it exists. */
export async function ensureItemsTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'exists'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await upgradeForMedia(client, tableName, Table);
    return 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey, statusIndex, objectKeyIndex } = ITEMS_TABLE;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
        { AttributeName: statusIndex.partitionKey, AttributeType: 'S' },
        { AttributeName: objectKeyIndex.partitionKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: statusIndex.name,
          KeySchema: [
            { AttributeName: statusIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: statusIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: objectKeyIndex.name,
          KeySchema: [{ AttributeName: objectKeyIndex.partitionKey, KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      // The media worker follows the table's REMOVE events, here as on AWS.
      StreamSpecification: { StreamEnabled: true, StreamViewType: ITEMS_TABLE.streamViewType },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  return 'created';
}

/** A table made before media (a developer's .data/) gets the object-key index and the stream. */
async function upgradeForMedia(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription | undefined,
): Promise<void> {
  const { objectKeyIndex, streamViewType } = ITEMS_TABLE;
  if (table?.StreamSpecification?.StreamEnabled !== true) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewType },
      }),
    );
  }
  if (!(table?.GlobalSecondaryIndexes ?? []).some((index) => index.IndexName === objectKeyIndex.name)) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: objectKeyIndex.partitionKey, AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: objectKeyIndex.name,
              KeySchema: [{ AttributeName: objectKeyIndex.partitionKey, KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          },
        ],
      }),
    );
  }
}
