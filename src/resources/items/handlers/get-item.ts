// Implements getItem (openapi.yaml: GET /items/{itemId})

import type { ItemsHandler } from '../context';
import { entityTag, itemBody } from '../item-representation';

export const getItem: ItemsHandler<'getItem'> = async ({ path, caller }, { items }) => {
  const item = await items.get(caller.subject, path.itemId);
  return { status: 200, headers: { ETag: entityTag(item) }, body: itemBody(item) };
};
