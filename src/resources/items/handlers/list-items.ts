// Implements listItems (openapi.yaml: GET /items)

import type { ItemsHandler } from '../context';
import { itemBody } from '../item-representation';

/** Page size when the request gives none (openapi.yaml: parameters.Limit default). */
export const DEFAULT_PAGE_SIZE = 20;

export const listItems: ItemsHandler<'listItems'> = async ({ query, caller }, { items }) => {
  const page = await items.list(caller.subject, {
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    ...(query.status !== undefined && { status: query.status }),
    ...(query.nextToken !== undefined && { pageToken: query.nextToken }),
  });
  return {
    status: 200,
    headers: {},
    body: {
      items: page.items.map(itemBody),
      ...(page.nextPageToken !== undefined && { nextToken: page.nextPageToken }),
    },
  };
};
