import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { ITEMS_TABLE } from '../storage/dynamodb/table-design';

/** Creates the items table with the same keys, indexes and stream as the CDK stack, unless it exists. */
export async function ensureItemsTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'exists'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
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
