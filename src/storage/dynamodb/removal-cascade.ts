/**
 * The rule that nothing outlives what it belongs to, for every resource: when the table stream
 * reports a record removed, the resource it belongs to runs its own hook (a media's object, say)
 * and every child resource's records under it are removed, whose own REMOVE events then cascade
 * further down. A resource declares its place and parent in its module.ts; nothing here names one.
 */
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { recordsUnder } from './collections';
import { bounded, DEFAULT_STORAGE_TIMEOUT_MS } from './failures';
import { ITEMS_TABLE } from './table-design';

/** A removed record's old image, unmarshalled. */
export type RemovedRecord = Readonly<Record<string, unknown>>;

/** Runs when one of the resource's records has been removed; thrown errors are retried by the stream. */
export type RemovalHook = (removed: RemovedRecord) => Promise<void>;

/** Where a resource's records sit in the owner's partition of the table. */
export interface RecordPlacement {
  /**
   * Every record of the resource has a sort key starting so (and no other resource's does); what
   * follows is the record's id, which its children's `childrenOf` receives.
   */
  readonly sortKeyPrefix: string;
  /**
   * For a child resource: its parent's name, and the sort-key prefix of one parent's children. When
   * a parent record is removed, the table stream removes every record under that prefix; until
   * then, the child's reads must answer 404 once the parent is gone (a rule of its repository).
   */
  readonly parent?: {
    readonly resource: string;
    readonly childrenOf: (parentId: string) => string;
  };
}

/** What the cascade knows of a resource: its name and where its records sit. */
export interface CascadingResource {
  readonly name: string;
  readonly records: RecordPlacement;
}

/** Removes every record of a partition whose sort key starts with a prefix. */
export type RemoveUnder = (partition: string, sortKeyPrefix: string) => Promise<number>;

export interface RemovalCascadeDependencies {
  readonly resources: readonly CascadingResource[];
  /** Each resource's own hook, by resource name, for those that have one. */
  readonly hooks: ReadonlyMap<string, RemovalHook>;
  readonly removeUnder: RemoveUnder;
}

export function createRemovalCascade(deps: RemovalCascadeDependencies): RemovalHook {
  return async (removed: RemovedRecord) => {
    const partition = removed[ITEMS_TABLE.partitionKey];
    const sortKey = removed[ITEMS_TABLE.sortKey];
    if (typeof partition !== 'string' || typeof sortKey !== 'string') return;
    // Records of no resource (idempotency records) take nothing with them.
    const resource = deps.resources.find((each) => sortKey.startsWith(each.records.sortKeyPrefix));
    if (resource === undefined) return;
    await deps.hooks.get(resource.name)?.(removed);
    // A record's sort key is its resource's prefix, then its id (a child's: its parent's id first).
    const id = sortKey.slice(resource.records.sortKeyPrefix.length);
    await Promise.all(
      deps.resources.map((child) => {
        const parent = child.records.parent;
        return parent?.resource === resource.name
          ? deps.removeUnder(partition, parent.childrenOf(id))
          : Promise.resolve(0);
      }),
    );
  };
}

/** RemoveUnder on the table: the keys under the prefix, then a delete per key (no condition: gone is gone). */
export function removeUnderOnTable(
  client: DynamoDBDocumentClient,
  tableName: string,
  timeoutMs = DEFAULT_STORAGE_TIMEOUT_MS,
): RemoveUnder {
  return (partition, prefix) =>
    bounded(timeoutMs, async (abortSignal) => {
      const keys = await recordsUnder(client, tableName, partition, prefix, abortSignal, { keysOnly: true });
      await Promise.all(
        keys.map((Key) => client.send(new DeleteCommand({ TableName: tableName, Key }), { abortSignal })),
      );
      return keys.length;
    });
}
