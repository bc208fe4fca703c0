// Implements listMedia (openapi.yaml: GET /items/{itemId}/media)

import type { Handler } from '../../../http/operation-types';
import { mediaBody } from '../media-representation';

export const listMedia: Handler<'listMedia'> = async ({ path, caller }, context) => {
  const media = await context.media();
  const list = await media.list(caller.subject, path.itemId);
  return { status: 200, headers: {}, body: { media: list.map((each) => mediaBody(each)) } };
};
