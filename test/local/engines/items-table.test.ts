import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureItemsTable } from '../../../src/local/engines/items-table';
import { createDynamoDbClient } from '../../../src/storage/dynamodb/document-client';
import { engineEndpoint } from '../../support/table';

describe('ensureItemsTable', () => {
  const client = createDynamoDbClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  afterAll(() => client.destroy());

  it('creates the table with both indexes and the stream the media worker follows', async () => {
    const tableName = `items-${randomUUID()}`;

    const outcome = await ensureItemsTable(client, tableName);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

    expect(outcome).toBe('created');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'byObjectKey',
      'byOwnerStatus',
    ]);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'OLD_IMAGE' });
  });

  it('upgrades a table made before media (a developer’s .data/) with the object-key index and the stream', async () => {
    const tableName = `items-${randomUUID()}`;
    await client.send(
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

    const outcome = await ensureItemsTable(client, tableName);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

    expect(outcome).toBe('exists');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toContain('byObjectKey');
    expect(Table?.StreamSpecification?.StreamEnabled).toBe(true);
    expect(Table?.LatestStreamArn).toBeDefined();
  });
});
