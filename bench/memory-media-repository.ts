/**
 * The media storage fake of the media warm benchmark, in the manner of MemoryItemRepository: a
 * fixed set of media on the bench item; writes are checked and answered, not kept, so every timed
 * call finds the same state.
 */
import { BENCH_ITEM, BENCH_OWNER } from '../fixtures/bench-item';
import { ItemNotFoundError } from '../src/resources/items/errors';
import { MediaLimitReachedError, MediaNotFoundError } from '../src/resources/media/errors';
import type { Media } from '../src/resources/media/media';
import type { MediaInsertResult, MediaRepository } from '../src/resources/media/media-repository';
import type { IdempotencyClaim, WriteId } from '../src/writes/write-request';

/** A ready picture on the bench item, as getMedia answers it with a download URL. */
export const BENCH_MEDIA: Media = {
  id: '01936b30-7e21-7b44-9c0d-2f8a6e1b3c57',
  itemId: BENCH_ITEM.id,
  status: 'ready',
  contentType: 'image/png',
  size: 182034,
  fileName: 'front view.png',
  createdAt: '2026-11-20T09:17:45.310Z',
  objectKey: 'media/4f0c1e9a7b2d4c8e9f6a3b5d7e1c2a40',
  pendingUntil: 1795000000,
};

export class MemoryMediaRepository implements MediaRepository {
  async insert(
    owner: string,
    media: Media,
    limit: number,
    _writeId: WriteId,
    _claim?: IdempotencyClaim,
  ): Promise<MediaInsertResult> {
    if (!this.isBenchItem(owner, media.itemId)) throw new ItemNotFoundError(media.itemId);
    if (limit < 2) throw new MediaLimitReachedError(media.itemId, limit);
    return { media, replayed: false };
  }

  async list(owner: string, itemId: string): Promise<readonly Media[] | undefined> {
    return this.isBenchItem(owner, itemId) ? [BENCH_MEDIA] : undefined;
  }

  async find(owner: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return this.isBenchItem(owner, itemId) && mediaId === BENCH_MEDIA.id ? BENCH_MEDIA : undefined;
  }

  async markReady(owner: string, itemId: string, mediaId: string): Promise<Media | undefined> {
    return this.find(owner, itemId, mediaId);
  }

  locate(owner: string, media: Media): string {
    return `${owner} ${media.itemId} ${media.id}`;
  }

  async delete(owner: string, itemId: string, mediaId: string): Promise<void> {
    if ((await this.find(owner, itemId, mediaId)) === undefined)
      throw new MediaNotFoundError(itemId, mediaId);
  }

  private isBenchItem(owner: string, itemId: string): boolean {
    return owner === BENCH_OWNER && itemId === BENCH_ITEM.id;
  }
}
