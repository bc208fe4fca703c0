// Implements listMedia (openapi.yaml: GET /items/{itemId}/media)

import type { MediaHandler } from '../context';
import { mediaBody } from '../media-representation';

export const listMedia: MediaHandler<'listMedia'> = async ({ path, caller }, context) => {
  const media = await context.media();
  const list = await media.list(caller.subject, path.itemId);
  return { status: 200, headers: {}, body: { media: list.map((each) => mediaBody(each)) } };
};
