/** The Query of a page of an owner's items: the whole partition's items, or one status through its index. */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ITEMS_TABLE, ownerKey, ownerStatusKey } from '../../storage/dynamodb/table-design';
import { ITEM_SORT_KEY_PREFIX, itemKey } from './item-record';
import type { ItemListQuery } from './item-repository';

const key = (owner: string, id: string): Record<string, string> => itemKey(ownerKey(owner), id);

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
  if (query.status === undefined) {
    return {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :itemPrefix)',
      ExpressionAttributeNames: { '#pk': ITEMS_TABLE.partitionKey, '#sk': ITEMS_TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': ownerKey(owner), ':itemPrefix': ITEM_SORT_KEY_PREFIX },
      ConsistentRead: true,
      ...(after !== undefined && { ExclusiveStartKey: after }),
    };
  }
  const partition = ownerStatusKey(owner, query.status);
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
