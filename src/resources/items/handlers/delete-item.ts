// Implements deleteItem (openapi.yaml: DELETE /items/{itemId})

import type { ItemsHandler } from '../context';
import { expectedVersions } from '../item-representation';

export const deleteItem: ItemsHandler<'deleteItem'> = async ({ path, headers, caller, write }, { items }) => {
  await items.delete(caller.subject, path.itemId, expectedVersions(headers['if-match']), write);
  return { status: 204, headers: {} };
};
