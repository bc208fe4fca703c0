import type { IdempotencyClaim, WriteId } from '../../writes/write-request';
import type { Media } from './media';

export interface MediaInsertResult {
  /** The media as first recorded, which may be an earlier request's (idempotency replay). */
  readonly media: Media;
  readonly replayed: boolean;
}

/**
 * Media records, scoped to one owner like items. The per-item limit is enforced by storage in the
 * same transaction that records a media, so concurrent uploads cannot exceed it.
 */
export interface MediaRepository {
  /**
   * Records a pending media on an existing item. Throws ItemNotFoundError, MediaLimitReachedError,
   * or, with a claim, answers the key's first media (replayed) / IdempotencyKeyReusedError /
   * IdempotencyKeyInUseError, as ItemRepository.insert does.
   */
  insert(
    owner: string,
    media: Media,
    limit: number,
    writeId: WriteId,
    claim?: IdempotencyClaim,
  ): Promise<MediaInsertResult>;
  /** The item's media, newest first; undefined when the item does not exist. */
  list(owner: string, itemId: string): Promise<readonly Media[] | undefined>;
  find(owner: string, itemId: string, mediaId: string): Promise<Media | undefined>;
  /** pending → ready; answers the media as stored afterwards, undefined if it is gone. */
  markReady(owner: string, itemId: string, mediaId: string): Promise<Media | undefined>;
  /** Where the record of `media` is, for the upload's object to carry (UploadDeclaration.record). */
  locate(owner: string, media: Media): string;
  /** Removes the record and frees its slot on the item; MediaNotFoundError when absent. */
  delete(owner: string, itemId: string, mediaId: string, writeId: WriteId): Promise<void>;
}

/** A media found by what the workers know (an object key, an item's partition), not by its owner. */
export interface StoredMedia {
  /** The owner's partition, as stored: the workers never see the owner itself. */
  readonly partition: string;
  readonly media: Media;
}

/** What the upload worker needs: the record an object names, and an unscoped write. */
export interface MediaMaintenance {
  /** The record an upload's object names (MediaRepository.locate); undefined when it is gone. */
  findByLocator(locator: string): Promise<StoredMedia | undefined>;
  /** pending → ready; false when the record is gone. */
  markStoredReady(stored: StoredMedia): Promise<boolean>;
}
