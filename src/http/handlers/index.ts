import type { HandlerMap } from '../operation-types';
import { createItem } from './create-item';
import { deleteItem } from './delete-item';
import { getItem } from './get-item';
import { listItems } from './list-items';
import { replaceItem } from './replace-item';
import { updateItem } from './update-item';

/** One handler per operationId in openapi.yaml; a missing or extra one fails to compile. */
export const handlers = {
  listItems,
  createItem,
  getItem,
  replaceItem,
  updateItem,
  deleteItem,
} satisfies HandlerMap;
