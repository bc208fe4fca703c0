/** The items resource: its operations, its context, its errors' problems and where its records sit. */

import { type ProblemMap, problem } from '../../http/problem-map';
import { uuidv7 } from '../../ids/uuid-v7';
import { PageTokenCodec } from '../../paging/page-token';
import type { ResourceModule } from '../resource-module';
import type { ItemsContext } from './context';
import { DynamoDbItemRepository } from './dynamodb-item-repository';
import type * as errors from './errors';
import { ItemNotFoundError, VersionMismatchError } from './errors';
import { createItem } from './handlers/create-item';
import { deleteItem } from './handlers/delete-item';
import { getItem } from './handlers/get-item';
import { listItems } from './handlers/list-items';
import { replaceItem } from './handlers/replace-item';
import { updateItem } from './handlers/update-item';
import { ITEM_SORT_KEY_PREFIX } from './item-record';
import type { ItemRepository } from './item-repository';
import { ItemService } from './item-service';

/** Every error class errors.ts exports: one without a problem below does not compile. */
type ItemsError = InstanceType<(typeof errors)[keyof typeof errors]>;

export interface ItemsOverrides {
  /** Replaces the DynamoDB repository: only for fault injection, where the real engine cannot fail on cue. */
  readonly repository?: ItemRepository;
}

export const items = {
  name: 'items',
  handlers: { listItems, createItem, getItem, replaceItem, updateItem, deleteItem },
  context: ({ config, client }, overrides) => ({
    items: new ItemService({
      repository:
        overrides.repository ??
        new DynamoDbItemRepository(client, config.tableName, { timeoutMs: config.dynamodb.timeoutMs }),
      pageTokens: new PageTokenCodec(config.pageTokenSecret, config.pageTokenTtlSeconds),
      newId: uuidv7,
      now: () => new Date(),
    }),
  }),
  problems: {
    'item-not-found': problem(ItemNotFoundError, (error) => ({ name: 'not-found', detail: error.message })),
    'version-mismatch': problem(VersionMismatchError, () => ({ name: 'precondition-failed' })),
  } satisfies ProblemMap<ItemsError>,
  records: { sortKeyPrefix: ITEM_SORT_KEY_PREFIX },
} satisfies ResourceModule<'items', ItemsContext, ItemsOverrides>;
