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

/**
 * A media as stored: in the owner's partition under `MEDIA#<itemId>#<mediaId>`, so an item's media
 * are one Query, and with `objectKey` set, which puts it (alone) in the object-key index.
 */
export interface MediaRecord {
  readonly pk: string;
  readonly sk: string;
  readonly id: string;
  readonly itemId: string;
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
    id: media.id,
    itemId: media.itemId,
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

/** Reads a stored media back; a record that breaks the shape is corruption, not a client error. */
export function fromMediaRecord(record: Record<string, unknown>): Media {
  const { id, itemId, status, contentType, size, fileName, createdAt, objectKey, pendingUntil } = record;
  if (
    typeof id !== 'string' ||
    typeof itemId !== 'string' ||
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
    id,
    itemId,
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
