import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureItemsTable } from '../../src/local/engines/items-table';
import { DynamoDbItemRepository } from '../../src/resources/items/dynamodb-item-repository';
import { createDocumentClient, createDynamoDbClient } from '../../src/storage/dynamodb/document-client';

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

export interface TestRepository {
  readonly tableName: string;
  /** The document client the repository uses, for reading the raw records it wrote. */
  readonly client: DynamoDBDocumentClient;
  readonly repository: DynamoDbItemRepository;
}

/**
 * The real DynamoDB repository on a fresh table of the run's engine, for the enclosing describe's
 * tests; its client is destroyed after them.
 */
export function useTestRepository(): TestRepository {
  let started: TestRepository | undefined;
  beforeAll(async () => {
    const tableName = await createTestTable();
    const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
    started = { tableName, client, repository: new DynamoDbItemRepository(client, tableName) };
  });
  afterAll(() => started?.client.destroy());
  const current = (): TestRepository => {
    if (started === undefined) throw new Error('useTestRepository: the table is only there inside tests');
    return started;
  };
  return {
    get tableName() {
      return current().tableName;
    },
    get client() {
      return current().client;
    },
    get repository() {
      return current().repository;
    },
  };
}
