import type { GeneratedPart } from '../../storage/dynamodb/idempotency-record';
import { ITEMS_TABLE, ownerKey } from '../../storage/dynamodb/table-design';
import type { WriteId } from '../../writes/write-request';
import {
  MEDIA_CONTENT_TYPES,
  MEDIA_STATUSES,
  type Media,
  type MediaContentType,
  type MediaStatus,
} from './media';

/** Every media's sort key starts so; under it, its item's id: an item's media are one Query. */
export const MEDIA_SORT_KEY_PREFIX = 'MEDIA#';
export const mediaSortKeyPrefix = (itemId: string): string => `${MEDIA_SORT_KEY_PREFIX}${itemId}#`;
/** Ids are UUIDv7, so key order under the prefix is age. */
export const mediaSortKey = (itemId: string, mediaId: string): string =>
  `${mediaSortKeyPrefix(itemId)}${mediaId}`;
export const mediaKey = (partition: string, itemId: string, mediaId: string): Record<string, string> => ({
  [ITEMS_TABLE.partitionKey]: partition,
  [ITEMS_TABLE.sortKey]: mediaSortKey(itemId, mediaId),
});

/**
 * Where a media record is, as one string the upload's object carries (x-amz-meta-record): its
 * partition and ids, which hold no owner's subject (the partition is its digest).
 */
export const mediaLocator = (partition: string, itemId: string, mediaId: string): string =>
  `${partition} ${itemId} ${mediaId}`;

/** The record's key from its locator; undefined for anything else. */
export function keyOfLocator(locator: string): Record<string, string> | undefined {
  const [partition, itemId, mediaId, ...rest] = locator.split(' ');
  if (partition === undefined || itemId === undefined || mediaId === undefined || rest.length > 0)
    return undefined;
  return mediaKey(partition, itemId, mediaId);
}

/** The item's and the media's ids in a media's sort key; undefined for any other sort key. */
export function mediaIdsOf(sortKey: unknown): { readonly itemId: string; readonly id: string } | undefined {
  if (typeof sortKey !== 'string' || !sortKey.startsWith(MEDIA_SORT_KEY_PREFIX)) return undefined;
  const [itemId, id, ...rest] = sortKey.slice(MEDIA_SORT_KEY_PREFIX.length).split('#');
  return itemId === undefined || id === undefined || rest.length > 0 ? undefined : { itemId, id };
}

/**
 * A media as stored: in the owner's partition under `MEDIA#<itemId>#<mediaId>`, so an item's media
 * are one Query. Both ids are read from the sort key, not stored again (74 bytes less per media).
 */
export interface MediaRecord {
  readonly pk: string;
  readonly sk: string;
  readonly status: MediaStatus;
  readonly contentType: MediaContentType;
  readonly size: number;
  readonly fileName?: string;
  readonly createdAt: string;
  readonly objectKey: string;
  readonly pendingUntil: number;
  readonly lastWrite: WriteId;
}

export function toMediaRecord(owner: string, media: Media, writeId: WriteId): MediaRecord {
  return {
    pk: ownerKey(owner),
    sk: mediaSortKey(media.itemId, media.id),
    status: media.status,
    contentType: media.contentType,
    size: media.size,
    ...(media.fileName !== undefined && { fileName: media.fileName }),
    createdAt: media.createdAt,
    objectKey: media.objectKey,
    pendingUntil: media.pendingUntil,
    lastWrite: writeId,
  };
}

/** What a create generates rather than takes from the declaration: kept by the key's record. */
export function generatedPartOf(media: Media): GeneratedPart {
  return {
    id: media.id,
    createdAt: media.createdAt,
    objectKey: media.objectKey,
    pendingUntil: media.pendingUntil,
  };
}

/**
 * The first answer of a create replayed under its key: the replay's own media (built from the same
 * declaration on the same item: the fingerprint and the key's scope say so) with the first
 * request's generated values.
 */
export function replayedMedia(candidate: Media, generated: GeneratedPart): Media {
  const { id, createdAt, objectKey, pendingUntil } = generated;
  if (
    typeof id !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof objectKey !== 'string' ||
    typeof pendingUntil !== 'number'
  ) {
    throw new Error(`Idempotency record of media ${String(id)} lacks its generated values`);
  }
  return { ...candidate, id, createdAt, objectKey, pendingUntil, status: 'pending' };
}

/** Reads a stored media back; a record that breaks the shape is corruption, not a client error. */
export function fromMediaRecord(record: Record<string, unknown>): Media {
  const { status, contentType, size, fileName, createdAt, objectKey, pendingUntil } = record;
  const ids = mediaIdsOf(record[ITEMS_TABLE.sortKey]);
  if (
    ids === undefined ||
    !isOneOf(MEDIA_STATUSES, status) ||
    !isOneOf(MEDIA_CONTENT_TYPES, contentType) ||
    typeof size !== 'number' ||
    (fileName !== undefined && typeof fileName !== 'string') ||
    typeof createdAt !== 'string' ||
    typeof objectKey !== 'string' ||
    typeof pendingUntil !== 'number'
  ) {
    throw new Error(`Stored record ${String(record.pk)}/${String(record.sk)} is not a valid media`);
  }
  return {
    id: ids.id,
    itemId: ids.itemId,
    status,
    contentType,
    size,
    ...(fileName !== undefined && { fileName }),
    createdAt,
    objectKey,
    pendingUntil,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((each) => each === value);
}
