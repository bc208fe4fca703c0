/**
 * The Query of a page of an owner's items: the partition's live items (tombstones filtered away),
 * all or of the default status (filtered: the status index is sparse, see statusIndexKey), or of
 * another status through the index (which never holds a tombstone).
 */
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ITEMS_TABLE, ownerKey } from '../../storage/dynamodb/table-design';
import { ITEM_SORT_KEY_PREFIX, itemKey, statusIndexKey } from './item-record';
import type { ItemListQuery } from './item-repository';

const key = (owner: string, id: string): Record<string, string> => itemKey(ownerKey(owner), id);

/** The most items one filtered Query of a listing reads. */
const MAX_READ_AHEAD = 1000;

/** The one Query a page of the owner's items starts with; exported so the benchmark measures exactly it. */
export function listQueryInput(tableName: string, owner: string, query: ItemListQuery): QueryCommandInput {
  return {
    TableName: tableName,
    ...listKeyCondition(owner, query),
    ScanIndexForward: false,
    // One more than asked tells whether another page exists, so the last page carries no token.
    Limit: query.limit + 1,
  };
}

function listKeyCondition(owner: string, query: ItemListQuery): Partial<QueryCommandInput> {
  const after = query.after === undefined ? undefined : key(owner, query.after);
  const partition = query.status === undefined ? undefined : statusIndexKey(owner, query.status);
  if (partition === undefined) {
    return {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :itemPrefix)',
      ExpressionAttributeNames: {
        '#pk': ITEMS_TABLE.partitionKey,
        '#sk': ITEMS_TABLE.sortKey,
        '#deleted': ITEMS_TABLE.tombstoneAttribute,
        ...(query.status !== undefined && { '#status': 'status' }),
      },
      ExpressionAttributeValues: {
        ':pk': ownerKey(owner),
        ':itemPrefix': ITEM_SORT_KEY_PREFIX,
        ...(query.status !== undefined && { ':status': query.status }),
      },
      // Deleted items' tombstones stay in the partition until time to live removes them (a day or
      // more). Limit counts items read, not items kept: the repository reads on until the page is full.
      FilterExpression:
        query.status === undefined
          ? 'attribute_not_exists(#deleted)'
          : 'attribute_not_exists(#deleted) AND #status = :status',
      ConsistentRead: true,
      ...(after !== undefined && { ExclusiveStartKey: after }),
    };
  }
  return {
    IndexName: ITEMS_TABLE.statusIndex.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': ITEMS_TABLE.statusIndex.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
    ...(after !== undefined && {
      ExclusiveStartKey: { ...after, [ITEMS_TABLE.statusIndex.partitionKey]: partition },
    }),
  };
}

/**
 * The records of a page and the one after it (`input.Limit` in all), or fewer where the partition
 * ends: the Query of listQueryInput, continued as often as it takes.
 */
export async function readPage(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
  abortSignal: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const wanted = input.Limit ?? 1;
  const records: Record<string, unknown>[] = [];
  let start = input.ExclusiveStartKey;
  // Under a filter, Limit counts items read, not kept: each call that came back short reads
  // twice as many as are still missing, so sparse matches take a few calls, not one per item.
  let readAhead = 1;
  // DynamoDB ends a page at 1 MB of data whatever Limit says; follow LastEvaluatedKey until
  // the page plus the one look-ahead item are in, or the partition ends, so no cut hides items.
  do {
    const missing = wanted - records.length;
    const page = await client.send(
      new QueryCommand({
        ...input,
        Limit: Math.min(missing * readAhead, MAX_READ_AHEAD),
        ...(start !== undefined && { ExclusiveStartKey: start }),
      }),
      { abortSignal },
    );
    records.push(...(page.Items ?? []));
    if ((page.Count ?? 0) < (page.ScannedCount ?? 0)) readAhead *= 2;
    start = page.LastEvaluatedKey;
  } while (records.length < wanted && start !== undefined);
  return records;
}
