/**
 * The media half of the composition root, loaded on the first media request only (compose.ts
 * imports it dynamically): item requests never evaluate the S3 signer, the presigner or the
 * media code (issue 12: "items don't pay for media"; `npm run bench` measures it).
 */
import { randomBytes } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config, MediaConfig } from '../../config';
import { uuidv7 } from '../../ids/uuid-v7';
import { DynamoDbMediaRepository } from './dynamodb-media-repository';
import { MediaService } from './media-service';
import type { ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-object-store';

/** How long an announced upload may take to arrive before the media is abandoned. */
export const PENDING_LIFETIME_SECONDS = 60 * 60;

/** The tag every upload carries; the bucket's lifecycle expires objects still tagged so (abandoned uploads). */
export const PENDING_UPLOAD_TAGGING = 'media=pending';

export function createMediaService(
  config: Config,
  client: DynamoDBDocumentClient,
  objects?: ObjectStore,
): MediaService {
  return new MediaService({
    repository: new DynamoDbMediaRepository(client, config.tableName, {
      timeoutMs: config.dynamodb.timeoutMs,
    }),
    objects: objects ?? createObjectStore(config.region, config.media),
    newId: uuidv7,
    newObjectKey: newMediaObjectKey,
    now: () => new Date(),
    pendingLifetimeSeconds: PENDING_LIFETIME_SECONDS,
    confirmOnRead: config.media.confirmOnRead,
  });
}

/** The S3 object store of the media bucket, for the API function and the workers alike. */
export function createObjectStore(region: string, media: MediaConfig): S3ObjectStore {
  return new S3ObjectStore({
    bucket: media.bucket,
    region,
    endpoint: media.endpoint,
    credentials: media.credentials ?? fromEnv(),
    urlLifetimeSeconds: media.urlLifetimeSeconds,
    uploadTagging: PENDING_UPLOAD_TAGGING,
  });
}

/** `media/` and 128 random bits: the bucket policy's prefix, nothing of the owner, item or file name. */
export function newMediaObjectKey(): string {
  return `${MEDIA_KEY_PREFIX}${randomBytes(16).toString('hex')}`;
}

export const MEDIA_KEY_PREFIX = 'media/';
