// Implements getMedia (openapi.yaml: GET /items/{itemId}/media/{mediaId})

import type { MediaHandler } from '../context';
import { mediaViewBody } from '../media-representation';

export const getMedia: MediaHandler<'getMedia'> = async ({ path, caller }, context) => {
  const media = await context.media();
  const view = await media.get(caller.subject, path.itemId, path.mediaId);
  return { status: 200, headers: {}, body: mediaViewBody(view) };
};
