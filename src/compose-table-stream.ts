/**
 * Wires the table stream worker from its config: every resource's removal hook and the cascade
 * that removes children with their parent, on one DynamoDB client per container.
 */
import type { WorkerConfig } from './config';
import { jsonLogger, type Logger } from './logger';
import { RESOURCES, type ResourceOverrides } from './resources';
import type { WorkerDependencies } from './resources/resource-module';
import { createDocumentClient } from './storage/dynamodb/document-client';
import type { RemovalHook } from './storage/dynamodb/removal-cascade';
import { createRemovalCascade, removeUnderOnTable } from './storage/dynamodb/removal-cascade';

export interface TableStreamWorker {
  /** Handles one removed record's last image (removal-events.ts); throws what should be retried. */
  readonly onRemove: RemovalHook;
  close(): void;
}

export type TableStreamOverrides = Partial<ResourceOverrides> & { readonly logger?: Logger };

export function composeTableStream(
  config: WorkerConfig,
  overrides: TableStreamOverrides = {},
): TableStreamWorker {
  const client = createDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint !== undefined && { endpoint: config.dynamodbEndpoint }),
  });
  const deps: WorkerDependencies = { config, client, logger: overrides.logger ?? jsonLogger };
  const hooks = new Map<string, RemovalHook>();
  for (const resource of RESOURCES) {
    if ('onRemoved' in resource) hooks.set(resource.name, resource.onRemoved(deps, overrides));
  }
  return {
    onRemove: createRemovalCascade({
      resources: RESOURCES,
      hooks,
      removeUnder: removeUnderOnTable(client, config.tableName),
    }),
    close: () => client.destroy(),
  };
}
