// Implements getMedia (openapi.yaml: GET /items/{itemId}/media/{mediaId})
import { mediaViewBody } from '../media-representation';
import type { Handler } from '../operation-types';

export const getMedia: Handler<'getMedia'> = async ({ path, caller }, context) => {
  const media = await context.media();
  const view = await media.get(caller.subject, path.itemId, path.mediaId);
  return { status: 200, headers: {}, body: mediaViewBody(view) };
};
