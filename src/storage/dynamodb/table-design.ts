/**
 * The items table's key design, shared by the DynamoDB repository, the local engine's table
 * creation and the CDK stack, so the three cannot drift. See docs/dynamodb-design.md.
 */
export const ITEMS_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  statusIndex: {
    name: 'byOwnerStatus',
    partitionKey: 'ownerStatus',
    /** The index reuses the table's sort key: ids are UUIDv7, so key order is creation order. */
    sortKey: 'sk',
  },
} as const;

export const ownerKey = (owner: string): string => `OWNER#${owner}`;
export const itemSortKey = (id: string): string => `ITEM#${id}`;
export const ITEM_SORT_KEY_PREFIX = 'ITEM#';
export const ownerStatusKey = (owner: string, status: string): string => `OWNER#${owner}#STATUS#${status}`;
