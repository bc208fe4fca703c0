// Implements createItem (openapi.yaml: POST /items)

import type { ItemsHandler } from '../context';
import { entityTag, itemBody, itemLocation } from '../item-representation';

export const createItem: ItemsHandler<'createItem'> = async (
  { body, caller, basePath, write },
  { items },
) => {
  // A replay answers with the item as first created, so the response is the first one again.
  const { item, replayed } = await items.create(caller.subject, body, write);
  return {
    status: 201,
    headers: { Location: itemLocation(basePath, item), ETag: entityTag(item) },
    body: itemBody(item),
    replayed,
  };
};
