// Implements getItem (openapi.yaml: GET /items/{itemId})

import type { Handler } from '../../../http/operation-types';
import { entityTag, itemBody } from '../item-representation';

export const getItem: Handler<'getItem'> = async ({ path, caller }, { items }) => {
  const item = await items.get(caller.subject, path.itemId);
  return { status: 200, headers: { ETag: entityTag(item) }, body: itemBody(item) };
};
