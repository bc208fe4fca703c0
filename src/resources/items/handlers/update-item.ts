// Implements updateItem (openapi.yaml: PATCH /items/{itemId}), a JSON Merge Patch (RFC 7396)

import type { ItemsHandler } from '../context';
import { entityTag, expectedVersions, itemBody } from '../item-representation';

export const updateItem: ItemsHandler<'updateItem'> = async (
  { path, headers, body, caller, write },
  { items },
) => {
  const expected = expectedVersions(headers['if-match']);
  const item = await items.update(caller.subject, path.itemId, body, expected, write);
  return { status: 200, headers: { ETag: entityTag(item) }, body: itemBody(item) };
};
