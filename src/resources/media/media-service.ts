import { idempotencyClaim, type WriteRequest } from '../../writes/write-request';
import { ItemNotFoundError } from '../items/errors';
import { MediaLimitReachedError, MediaNotFoundError } from './errors';
import {
  isAbandoned,
  MAX_MEDIA_PER_ITEM,
  type Media,
  type MediaDeclaration,
  matchesDeclaration,
} from './media';
import type { MediaRepository } from './media-repository';
import type { ObjectStore, PresignedRequest } from './object-store';

export interface MediaServiceDependencies {
  readonly repository: MediaRepository;
  readonly objects: ObjectStore;
  /** UUIDv7, so newest first is key order. */
  readonly newId: () => string;
  /** A random object key: it must not be derivable from the owner, the item or the file name. */
  readonly newObjectKey: () => string;
  readonly now: () => Date;
  /** How long a pending media waits for its upload before it is abandoned. */
  readonly pendingLifetimeSeconds: number;
  /**
   * Check S3 when a pending media is read, and mark it ready if its object is there as declared.
   * Locally this is how uploads are confirmed besides the S3 event; on AWS the ObjectCreated
   * worker does it, and the API function has no permission to look.
   */
  readonly confirmOnRead: boolean;
}

export interface MediaUploadTicket {
  readonly media: Media;
  readonly upload: PresignedRequest;
  readonly replayed: boolean;
}

export interface MediaView {
  readonly media: Media;
  /** Present when the media is ready. */
  readonly download?: PresignedRequest;
}

/** The media use cases, on behalf of one owner, on one of the owner's items. */
export class MediaService {
  constructor(private readonly deps: MediaServiceDependencies) {}

  async create(
    owner: string,
    itemId: string,
    declaration: MediaDeclaration,
    write: WriteRequest,
  ): Promise<MediaUploadTicket> {
    const now = this.deps.now();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const media: Media = {
      id: this.deps.newId(),
      itemId,
      status: 'pending',
      contentType: declaration.contentType,
      size: declaration.size,
      ...(declaration.fileName !== undefined && { fileName: declaration.fileName }),
      createdAt: now.toISOString(),
      objectKey: this.deps.newObjectKey(),
      pendingUntil: nowSeconds + this.deps.pendingLifetimeSeconds,
    };
    // A key is scoped to the item too: the same key and body on another item is another upload.
    const claim = idempotencyClaim(write, now, itemId);
    const insert = () => this.deps.repository.insert(owner, media, MAX_MEDIA_PER_ITEM, write.writeId, claim);
    let result: Awaited<ReturnType<typeof insert>>;
    try {
      result = await insert();
    } catch (error) {
      // Abandoned uploads still hold their slots until someone sees them: free them, try once more.
      if (!(error instanceof MediaLimitReachedError) || (await this.sweep(owner, itemId)) === 0) throw error;
      result = await insert();
    }
    const upload = await this.deps.objects.presignPut(result.media.objectKey, {
      contentType: result.media.contentType,
      size: result.media.size,
      record: this.deps.repository.locate(owner, result.media),
    });
    return { media: result.media, upload, replayed: result.replayed };
  }

  /** The item's media, newest first, abandoned uploads left out (and removed). */
  async list(owner: string, itemId: string): Promise<readonly Media[]> {
    const all = await this.deps.repository.list(owner, itemId);
    if (all === undefined) throw new ItemNotFoundError(itemId);
    const nowSeconds = this.nowSeconds();
    const live = all.filter((media) => !isAbandoned(media, nowSeconds));
    await this.removeAbandoned(owner, all, nowSeconds);
    return Promise.all(live.map((media) => this.confirm(owner, media)));
  }

  async get(owner: string, itemId: string, mediaId: string): Promise<MediaView> {
    const found = await this.deps.repository.find(owner, itemId, mediaId);
    if (found === undefined) throw new MediaNotFoundError(itemId, mediaId);
    if (isAbandoned(found, this.nowSeconds())) {
      await this.removeAbandoned(owner, [found], this.nowSeconds());
      throw new MediaNotFoundError(itemId, mediaId);
    }
    const media = await this.confirm(owner, found);
    if (media.status !== 'ready') return { media };
    return { media, download: await this.deps.objects.presignGet(media.objectKey, media) };
  }

  /** Removes the record; its object is removed by the media stream worker (retried, dead-lettered). */
  delete(owner: string, itemId: string, mediaId: string, write: WriteRequest): Promise<void> {
    return this.deps.repository.delete(owner, itemId, mediaId, write.writeId);
  }

  private async confirm(owner: string, media: Media): Promise<Media> {
    if (media.status !== 'pending' || !this.deps.confirmOnRead) return media;
    const stored = await this.deps.objects.head(media.objectKey);
    if (stored === undefined) return media;
    if (!matchesDeclaration(media, stored)) {
      // S3 refuses such uploads (type and length are signed); whatever got there is never served.
      await this.deps.objects.delete(media.objectKey);
      return media;
    }
    return (await this.deps.repository.markReady(owner, media.itemId, media.id)) ?? media;
  }

  private async sweep(owner: string, itemId: string): Promise<number> {
    const all = (await this.deps.repository.list(owner, itemId)) ?? [];
    return this.removeAbandoned(owner, all, this.nowSeconds());
  }

  private async removeAbandoned(owner: string, media: readonly Media[], nowSeconds: number): Promise<number> {
    const abandoned = media.filter((each) => isAbandoned(each, nowSeconds));
    await Promise.all(
      abandoned.map((each) =>
        this.deps.repository
          .delete(owner, each.itemId, each.id, `expire ${each.id}`)
          .catch((error: unknown) => {
            // Someone else removed it first: that is what we wanted.
            if (!(error instanceof MediaNotFoundError)) throw error;
          }),
      ),
    );
    return abandoned.length;
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.now().getTime() / 1000);
  }
}
