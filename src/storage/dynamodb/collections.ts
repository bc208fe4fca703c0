/**
 * Reads over an owner's partition shared by every resource: the records under a sort-key prefix (a
 * parent's children), and whether a record exists.
 *
 * A child's reads answer only while its parent exists: once a parent's delete has answered (its
 * record a tombstone), its children are gone to every reader, though the table stream's cascade
 * removes their records a little later. Child repositories read the parent's key alongside the child (in parallel, so the
 * rule costs no latency).
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEMS_TABLE } from './table-design';
import { isTombstone } from './tombstone';

/**
 * Does a live record exist under `key` (not a tombstone)? A consistent read of its partition key
 * and tombstone marker alone.
 */
export async function recordExists(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, string>,
  abortSignal: AbortSignal,
): Promise<boolean> {
  const { Item: record } = await client.send(
    new GetCommand({
      TableName: tableName,
      Key: key,
      ProjectionExpression: '#pk, #deleted',
      ExpressionAttributeNames: {
        '#pk': ITEMS_TABLE.partitionKey,
        '#deleted': ITEMS_TABLE.tombstoneAttribute,
      },
      ConsistentRead: true,
    }),
    { abortSignal },
  );
  return record !== undefined && !isTombstone(record);
}

export interface RecordsUnderOptions {
  /** Descending key order (UUIDv7 ids: newest first). */
  readonly newestFirst?: boolean;
  /** Read only the keys. */
  readonly keysOnly?: boolean;
}

/** Every record of `partition` whose sort key starts with `prefix`, following every page. */
export async function recordsUnder(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  prefix: string,
  abortSignal: AbortSignal,
  options: RecordsUnderOptions = {},
): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey, '#sk': ITEMS_TABLE.sortKey },
        ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
        ...(options.keysOnly === true && { ProjectionExpression: '#pk, #sk' }),
        ...(options.newestFirst === true && { ScanIndexForward: false }),
        ConsistentRead: true,
        ...(start !== undefined && { ExclusiveStartKey: start }),
      }),
      { abortSignal },
    );
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return records;
}
