import type { components } from '../../../generated/openapi';
import { apiReference } from '../../http/links';
import type { Media } from './media';
import type { MediaUploadTicket, MediaView } from './media-service';
import type { PresignedRequest } from './object-store';

type MediaBody = components['schemas']['Media'];
type MediaUploadBody = components['schemas']['MediaUpload'];

/** The media as the contract shows it; field by field, so the object key never leaks. */
export function mediaBody(media: Media, download?: PresignedRequest): MediaBody {
  return {
    id: media.id,
    status: media.status,
    contentType: media.contentType,
    size: media.size,
    ...(media.fileName !== undefined && { fileName: media.fileName }),
    createdAt: media.createdAt,
    ...(download !== undefined && {
      download: { url: download.url, expiresAt: download.expiresAt.toISOString() },
    }),
  };
}

export function mediaViewBody({ media, download }: MediaView): MediaBody {
  return mediaBody(media, download);
}

export function mediaUploadBody({ media, upload }: MediaUploadTicket): MediaUploadBody {
  return {
    ...mediaBody(media),
    upload: {
      method: 'PUT',
      url: upload.url,
      headers: { ...upload.headers },
      expiresAt: upload.expiresAt.toISOString(),
    },
  };
}

/** The media's URL as `Location` carries it: `<base path>/items/<item id>/media/<id>`, resolving from the request URL. */
export function mediaLocation(basePath: string, media: Pick<Media, 'itemId' | 'id'>): string {
  return apiReference(basePath, 'items', media.itemId, 'media', media.id);
}
