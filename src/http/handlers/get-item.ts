// Implements getItem (openapi.yaml: GET /items/{itemId})
import { entityTag, itemBody } from '../item-representation';
import type { Handler } from '../operation-types';

export const getItem: Handler<'getItem'> = async ({ path, caller }, { items }) => {
  const item = await items.get(caller.subject, path.itemId);
  return { status: 200, headers: { ETag: entityTag(item) }, body: itemBody(item) };
};
