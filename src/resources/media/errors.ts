/** What can go wrong with a media that is the client's to fix; each kind has its problem in ./module.ts. */
import { ClientError } from '../../errors/client-error';

/** No media with this id on the item for the caller (or no such item). */
export class MediaNotFoundError extends ClientError {
  readonly kind = 'media-not-found';
  constructor(
    readonly itemId: string,
    readonly mediaId: string,
  ) {
    super(`Media ${mediaId} of item ${itemId} does not exist.`);
    this.name = 'MediaNotFoundError';
  }
}

/** The item already has its maximum of media. */
export class MediaLimitReachedError extends ClientError {
  readonly kind = 'media-limit-reached';
  constructor(
    readonly itemId: string,
    readonly limit: number,
  ) {
    super(`Item ${itemId} already has ${limit} media; delete one before adding another.`);
    this.name = 'MediaLimitReachedError';
  }
}
