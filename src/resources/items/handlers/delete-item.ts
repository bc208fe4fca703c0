// Implements deleteItem (openapi.yaml: DELETE /items/{itemId})

import type { Handler } from '../../../http/operation-types';
import { expectedVersions } from '../item-representation';

export const deleteItem: Handler<'deleteItem'> = async ({ path, headers, caller, write }, { items }) => {
  await items.delete(caller.subject, path.itemId, expectedVersions(headers['if-match']), write);
  return { status: 204, headers: {} };
};
