// Implements replaceItem (openapi.yaml: PUT /items/{itemId})

import type { ItemsHandler } from '../context';
import { entityTag, expectedVersions, itemBody } from '../item-representation';

export const replaceItem: ItemsHandler<'replaceItem'> = async (
  { path, headers, body, caller, write },
  { items },
) => {
  const expected = expectedVersions(headers['if-match']);
  const item = await items.replace(caller.subject, path.itemId, body, expected, write);
  return { status: 200, headers: { ETag: entityTag(item) }, body: itemBody(item) };
};
