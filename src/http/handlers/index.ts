import type { HandlerMap } from '../operation-types';
import { createItem } from './create-item';
import { createMediaUpload } from './create-media-upload';
import { deleteItem } from './delete-item';
import { deleteMedia } from './delete-media';
import { getItem } from './get-item';
import { getMedia } from './get-media';
import { listItems } from './list-items';
import { listMedia } from './list-media';
import { replaceItem } from './replace-item';
import { updateItem } from './update-item';

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
