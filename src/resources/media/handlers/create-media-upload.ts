// Implements createMediaUpload (openapi.yaml: POST /items/{itemId}/media)

import type { MediaHandler } from '../context';
import { mediaLocation, mediaUploadBody } from '../media-representation';

export const createMediaUpload: MediaHandler<'createMediaUpload'> = async (
  { path, body, caller, basePath, write },
  context,
) => {
  const media = await context.media();
  const ticket = await media.create(caller.subject, path.itemId, body, write);
  return {
    status: 201,
    headers: { Location: mediaLocation(basePath, ticket.media) },
    body: mediaUploadBody(ticket),
    replayed: ticket.replayed,
  };
};
