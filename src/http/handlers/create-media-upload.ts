// Implements createMediaUpload (openapi.yaml: POST /items/{itemId}/media)
import { mediaPath, mediaUploadBody } from '../media-representation';
import type { Handler } from '../operation-types';

export const createMediaUpload: Handler<'createMediaUpload'> = async (
  { path, body, caller, write },
  context,
) => {
  const media = await context.media();
  const ticket = await media.create(caller.subject, path.itemId, body, write);
  return {
    status: 201,
    headers: { Location: mediaPath(ticket.media) },
    body: mediaUploadBody(ticket),
    replayed: ticket.replayed,
  };
};
