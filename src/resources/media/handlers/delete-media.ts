// Implements deleteMedia (openapi.yaml: DELETE /items/{itemId}/media/{mediaId})
import type { MediaHandler } from '../context';

export const deleteMedia: MediaHandler<'deleteMedia'> = async ({ path, caller, write }, context) => {
  const media = await context.media();
  await media.delete(caller.subject, path.itemId, path.mediaId, write);
  return { status: 204, headers: {} };
};
