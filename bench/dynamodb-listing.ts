/**
 * What one list page costs in DynamoDB as the table grows: the repository's query for a page of 20,
 * with and without the status filter, against the real engine (DynamoDB Local) holding 100, then
 * 10,000 items of the caller among 10,000 of someone else. Read capacity should follow the page,
 * not the table: ScannedCount stays at the page size plus the one extra item that tells whether
 * another page exists.
 */
import { randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { uuidv7 } from '../src/ids/uuid-v7';
import { startDynamoDbEngine } from '../src/local/engines/dynamodb-engine';
import { ensureItemsTable } from '../src/local/engines/items-table';
import type { ItemStatus } from '../src/resources/items/item';
import * as repositoryModule from '../src/resources/items/item-list-query';
import { ITEM_SORT_KEY_PREFIX, type ItemRecord, toItemRecord } from '../src/resources/items/item-record';
import type { ItemListQuery } from '../src/resources/items/item-repository';
import { createDocumentClient, createDynamoDbClient } from '../src/storage/dynamodb/document-client';
import { ITEMS_TABLE, ownerKey, ownerStatusKey } from '../src/storage/dynamodb/table-design';

const TABLE_NAME = 'bench-items';
const REGION = 'us-east-1';
const PAGE_SIZE = 20;
const OWNER = 'bench-owner';
const OTHER_OWNER = 'bench-other-owner';
/** BatchWriteItem's limit. */
const BATCH_SIZE = 25;
const WRITERS = 4;

export interface PageCost {
  readonly filter: string;
  readonly scannedCount: number | undefined;
  readonly count: number | undefined;
  /** Read capacity units, or "not reported" when the engine leaves ConsumedCapacity out. */
  readonly consumedCapacity: number | 'not reported';
}

export interface ListingStage {
  readonly ownerItems: number;
  readonly tableItems: number;
  readonly pages: readonly PageCost[];
}

export interface ListingReport {
  /** `listQueryInput` when the repository exports its query builder; `replicated` when this file rebuilds it. */
  readonly queryBuiltBy: 'listQueryInput' | 'replicated';
  readonly loadSeconds: number;
  readonly stages: readonly ListingStage[];
}

export async function measureListing(): Promise<ListingReport> {
  const engine = await startDynamoDbEngine();
  const client = createDynamoDbClient({ endpoint: engine.endpoint, region: REGION });
  const documents = createDocumentClient({ endpoint: engine.endpoint, region: REGION });
  try {
    await ensureItemsTable(client, TABLE_NAME);
    const stages: ListingStage[] = [];
    const loadStart = performance.now();
    await load(documents, OWNER, 100);
    let loadMs = performance.now() - loadStart;
    stages.push({ ownerItems: 100, tableItems: 100, pages: await pageCosts(documents, OWNER) });
    const bigStart = performance.now();
    await load(documents, OWNER, 9_900);
    await load(documents, OTHER_OWNER, 10_000);
    loadMs += performance.now() - bigStart;
    stages.push({ ownerItems: 10_000, tableItems: 20_000, pages: await pageCosts(documents, OWNER) });
    return {
      queryBuiltBy: exportedBuilder() === undefined ? 'replicated' : 'listQueryInput',
      loadSeconds: loadMs / 1000,
      stages,
    };
  } finally {
    documents.destroy();
    client.destroy();
    await engine.stop();
  }
}

async function pageCosts(documents: DynamoDBDocumentClient, owner: string): Promise<PageCost[]> {
  const costs: PageCost[] = [];
  for (const status of [undefined, 'active'] as const) {
    const result = await documents.send(
      new QueryCommand({
        ...listQuery(owner, { limit: PAGE_SIZE, ...(status !== undefined && { status }) }),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    costs.push({
      filter: status === undefined ? 'none' : `status=${status}`,
      scannedCount: result.ScannedCount,
      count: result.Count,
      consumedCapacity: result.ConsumedCapacity?.CapacityUnits ?? 'not reported',
    });
  }
  return costs;
}

type QueryBuilder = (tableName: string, owner: string, query: ItemListQuery) => unknown;

/** The repository's own query builder, once it exports one (a pure listQueryInput). */
function exportedBuilder(): QueryBuilder | undefined {
  const exported: Record<string, unknown> = { ...repositoryModule };
  const builder = exported.listQueryInput;
  return typeof builder === 'function'
    ? (tableName, owner, query) => builder(tableName, owner, query)
    : undefined;
}

function listQuery(owner: string, query: ItemListQuery): QueryCommandInput {
  const built = exportedBuilder()?.(TABLE_NAME, owner, query);
  if (isQueryInput(built)) return built;
  // The same query DynamoDbItemRepository.list sends (first page: no ExclusiveStartKey), rebuilt here
  // from the shared key design because the repository does not export it.
  const common = { TableName: TABLE_NAME, ScanIndexForward: false, Limit: query.limit + 1 };
  if (query.status === undefined) {
    return {
      ...common,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :itemPrefix)',
      ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey, '#sk': ITEMS_TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': ownerKey(owner), ':itemPrefix': ITEM_SORT_KEY_PREFIX },
      ConsistentRead: true,
    };
  }
  return {
    ...common,
    IndexName: ITEMS_TABLE.statusIndex.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': ITEMS_TABLE.statusIndex.partitionKey },
    ExpressionAttributeValues: { ':pk': ownerStatusKey(owner, query.status) },
  };
}

function isQueryInput(value: unknown): value is QueryCommandInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    'TableName' in value &&
    typeof value.TableName === 'string' &&
    'KeyConditionExpression' in value
  );
}

/** Writes `count` new items for `owner`: UUIDv7 ids, so they sort by creation time; one in four archived. */
async function load(documents: DynamoDBDocumentClient, owner: string, count: number): Promise<void> {
  const records: ItemRecord[] = [];
  for (let index = 0; index < count; index++) {
    const now = new Date().toISOString();
    const status: ItemStatus = index % 4 === 3 ? 'archived' : 'active';
    records.push(
      toItemRecord(
        owner,
        {
          id: uuidv7(),
          name: `Item ${index}`,
          description: 'Loaded by npm run bench',
          status,
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
        randomUUID(),
      ),
    );
  }
  const batches: ItemRecord[][] = [];
  for (let start = 0; start < records.length; start += BATCH_SIZE)
    batches.push(records.slice(start, start + BATCH_SIZE));
  let next = 0;
  const writer = async (): Promise<void> => {
    for (let batch = batches[next++]; batch !== undefined; batch = batches[next++])
      await writeBatch(documents, batch);
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

async function writeBatch(documents: DynamoDBDocumentClient, records: readonly ItemRecord[]): Promise<void> {
  type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];
  let pending: WriteRequests = records.map((record) => ({ PutRequest: { Item: { ...record } } }));
  while (pending.length > 0) {
    const { UnprocessedItems } = await documents.send(
      new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending } }),
    );
    pending = UnprocessedItems?.[TABLE_NAME] ?? [];
  }
}
