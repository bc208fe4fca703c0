/** The media resource: files attached to an item, removed with it. */
import { type ProblemMap, problem } from '../../http/problem-map';
import type { ResourceModule } from '../resource-module';
import * as composeMedia from './compose-media';
import type { MediaContext } from './context';
import type * as errors from './errors';
import { MediaLimitReachedError, MediaNotFoundError } from './errors';
import { createMediaUpload } from './handlers/create-media-upload';
import { deleteMedia } from './handlers/delete-media';
import { getMedia } from './handlers/get-media';
import { listMedia } from './handlers/list-media';
import { MEDIA_SORT_KEY_PREFIX, mediaSortKeyPrefix } from './media-record';
import type { MediaService } from './media-service';
import type { ObjectStore } from './object-store';
import { createObjectCleanup } from './workers/object-cleanup';

/** Every error class errors.ts exports: one without a problem below does not compile. */
type MediaError = InstanceType<(typeof errors)[keyof typeof errors]>;

export interface MediaOverrides {
  /** Replaces the media bucket: only for fault injection. */
  readonly objects?: ObjectStore;
  /** Replaces the media composition: the benchmark wires in-memory stand-ins through it. */
  readonly mediaModule?: typeof composeMedia;
}

export const media = {
  name: 'media',
  handlers: { listMedia, createMediaUpload, getMedia, deleteMedia },
  context: ({ config, client }, overrides): MediaContext => {
    // Built on the first media request. Imported, not required lazily: a lazy require made esbuild
    // wrap this module and the SDK code it shares in lazy initialisers that cost every cold start
    // more than evaluating them (docs/performance.md).
    let service: MediaService | undefined;
    return {
      media: async () => {
        if (service === undefined) {
          const { createMediaService } = overrides.mediaModule ?? composeMedia;
          service = createMediaService(config, client, overrides.objects);
        }
        return service;
      },
    };
  },
  problems: {
    'media-not-found': problem(MediaNotFoundError, (error) => ({ name: 'not-found', detail: error.message })),
    'media-limit-reached': problem(MediaLimitReachedError, (error) => ({
      name: 'media-limit-reached',
      detail: error.message,
    })),
  } satisfies ProblemMap<MediaError>,
  records: {
    sortKeyPrefix: MEDIA_SORT_KEY_PREFIX,
    parent: { resource: 'items', childrenOf: mediaSortKeyPrefix },
  },
  // A media record's object goes with it.
  onRemoved: (deps, overrides) =>
    createObjectCleanup({
      objects: overrides.objects ?? composeMedia.createObjectStore(deps.config.region, deps.config.media),
      logger: deps.logger,
    }),
} satisfies ResourceModule<'media', MediaContext, MediaOverrides>;
