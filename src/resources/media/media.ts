/** Media: files attached to an item (openapi.yaml: Media, MediaUploadRequest). */

/** The accepted types, in the contract's order (openapi.yaml: MediaContentType). */
export const MEDIA_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

/** At most this many media per item; the 21st is refused (409). */
export const MAX_MEDIA_PER_ITEM = 20;

export const MEDIA_STATUSES = ['pending', 'ready'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** What the client declares before uploading. */
export interface MediaDeclaration {
  readonly contentType: MediaContentType;
  readonly size: number;
  readonly fileName?: string | undefined;
}

/** A media as the domain sees it; the owner is the scope it is read in. */
export interface Media extends MediaDeclaration {
  readonly id: string;
  readonly itemId: string;
  readonly status: MediaStatus;
  readonly createdAt: string;
  /** Where the file is stored: chosen by the server, random, revealing neither owner nor file name. */
  readonly objectKey: string;
  /** Epoch seconds after which a still-pending media is abandoned: not listed, removed when next seen. */
  readonly pendingUntil: number;
}

/** A pending media past its deadline: its upload never came. */
export function isAbandoned(media: Media, nowSeconds: number): boolean {
  return media.status === 'pending' && media.pendingUntil <= nowSeconds;
}

/** Does the stored object match what was declared? Only then may the media become ready. */
export function matchesDeclaration(
  media: MediaDeclaration,
  stored: { readonly size: number; readonly contentType: string | undefined },
): boolean {
  return stored.size === media.size && stored.contentType === media.contentType;
}
