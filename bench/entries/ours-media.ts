/**
 * Benchmark entry for the media operations' warm cost: our Lambda composed as in ours.ts, with the
 * media use cases on an in-memory media store and the real S3 object store presigning (SigV4 with
 * fixed credentials; nothing is sent). Warm only: it loads the media module up front, so its cold
 * start is not the shipped function's.
 */
import { composeApp } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import { type ProxyHandler, toProxyHandler } from '../../src/gateway-events/rest-api-v1';
import * as mediaModule from '../../src/resources/media/compose-media';
import { MediaService } from '../../src/resources/media/media-service';
import { S3ObjectStore } from '../../src/resources/media/s3-object-store';
import { MemoryItemRepository } from '../memory-item-repository';
import { MemoryMediaRepository } from '../memory-media-repository';

const config = loadConfig({
  TABLE_NAME: 'bench-items',
  MEDIA_BUCKET: 'bench-media',
  AWS_REGION: 'us-east-1',
  PAGE_TOKEN_SECRET: Buffer.alloc(32, 7).toString('base64'),
});

export const handler: ProxyHandler = toProxyHandler(
  composeApp(config, {
    repository: new MemoryItemRepository(),
    mediaModule: {
      ...mediaModule,
      createMediaService: () =>
        new MediaService({
          repository: new MemoryMediaRepository(),
          objects: new S3ObjectStore({
            bucket: config.media.bucket,
            region: config.region,
            credentials: {
              accessKeyId: 'ASIABENCHACCESSKEY00',
              secretAccessKey: 'bench',
              sessionToken: 'bench',
            },
            urlLifetimeSeconds: config.media.urlLifetimeSeconds,
            uploadTagging: mediaModule.PENDING_UPLOAD_TAGGING,
          }),
          newId: () => '01936b31-2a7c-7d90-8b3e-4c1f0a9e5d62',
          newObjectKey: mediaModule.newMediaObjectKey,
          now: () => new Date(),
          pendingLifetimeSeconds: mediaModule.PENDING_LIFETIME_SECONDS,
          confirmOnRead: false,
        }),
    },
  }),
);
