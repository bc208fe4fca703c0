import { randomUUID } from 'node:crypto';
import { ensureItemsTable } from '../../src/local/items-table';
import { createDynamoDbClient } from '../../src/storage/dynamodb/document-client';

/** The endpoint of the run's DynamoDB Local, started by globalSetup. */
export function engineEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint === undefined)
    throw new Error('DYNAMODB_ENDPOINT is not set: run tests through jest (globalSetup starts the engine)');
  return endpoint;
}

/** Creates a fresh items table on the run's engine, so test files never see each other's data. */
export async function createTestTable(): Promise<string> {
  const tableName = `items-test-${randomUUID()}`;
  const client = createDynamoDbClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  try {
    await ensureItemsTable(client, tableName);
  } finally {
    client.destroy();
  }
  return tableName;
}
