/** The media resource: files attached to an item, removed with it. */
import { type ProblemMap, problem } from '../../http/problem-map';
import type { ResourceModule } from '../resource-module';
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

/** Every error class errors.ts exports: one without a problem below does not compile. */
type MediaError = InstanceType<(typeof errors)[keyof typeof errors]>;

export interface MediaOverrides {
  /** Replaces the media bucket: only for fault injection. */
  readonly objects?: ObjectStore;
  /**
   * The media composition, given instead of required on first use: for hosts whose `require` cannot
   * load TypeScript later (jest's globalSetup, whose transform hook is gone once setup returns).
   */
  readonly mediaModule?: typeof import('./compose-media');
}

export const media = {
  name: 'media',
  handlers: { listMedia, createMediaUpload, getMedia, deleteMedia },
  context: ({ config, client }, overrides) => {
    // Built on the first media request: its module (signer, presigner) is not even evaluated before.
    // A lazy require, which esbuild bundles and runs on first call (a dynamic import would need the
    // `.js` suffix that jest cannot resolve).
    let service: MediaService | undefined;
    return {
      media: async () => {
        if (service === undefined) {
          const { createMediaService } =
            overrides.mediaModule ?? (require('./compose-media') as typeof import('./compose-media'));
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
  // A media record's object goes with it. Required here, not imported: the API function never runs it.
  onRemoved: (deps, overrides) => {
    const {
      createObjectCleanup,
    }: typeof import('./workers/object-cleanup') = require('./workers/object-cleanup');
    const { createObjectStore }: typeof import('./compose-media') = require('./compose-media');
    return createObjectCleanup({
      objects: overrides.objects ?? createObjectStore(deps.config.region, deps.config.media),
      logger: deps.logger,
    });
  },
} satisfies ResourceModule<'media', MediaContext, MediaOverrides>;
