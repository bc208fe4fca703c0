// Implements createItem (openapi.yaml: POST /items)
import { entityTag, itemBody } from '../item-representation';
import type { Handler } from '../operation-types';

export const createItem: Handler<'createItem'> = async ({ body, caller }, { items }) => {
  const item = await items.create(caller.subject, body);
  return {
    status: 201,
    headers: { Location: `/items/${item.id}`, ETag: entityTag(item) },
    body: itemBody(item),
  };
};
