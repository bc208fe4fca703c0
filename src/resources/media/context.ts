import type { Handler, OperationId } from '../../http/operation-types';
import type { MediaService } from './media-service';

/** What the media resource adds to the handler context. */
export interface MediaContext {
  /** The media use cases, loaded on first use so item requests never pay for them. */
  readonly media: () => Promise<MediaService>;
}

/** A handler of a media operation. */
export type MediaHandler<Id extends OperationId> = Handler<Id, MediaContext>;
