import type { HandlerMap } from '../http/operation-types';
import { createItem } from './items/handlers/create-item';
import { deleteItem } from './items/handlers/delete-item';
import { getItem } from './items/handlers/get-item';
import { listItems } from './items/handlers/list-items';
import { replaceItem } from './items/handlers/replace-item';
import { updateItem } from './items/handlers/update-item';
import { createMediaUpload } from './media/handlers/create-media-upload';
import { deleteMedia } from './media/handlers/delete-media';
import { getMedia } from './media/handlers/get-media';
import { listMedia } from './media/handlers/list-media';

/** One handler per operationId in openapi.yaml; a missing or extra one fails to compile. */
export const handlers = {
  listItems,
  createItem,
  getItem,
  replaceItem,
  updateItem,
  deleteItem,
  listMedia,
  createMediaUpload,
  getMedia,
  deleteMedia,
} satisfies HandlerMap;
