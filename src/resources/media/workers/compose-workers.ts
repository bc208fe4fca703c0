/** Wires the media workers from their config: one DynamoDB client and one object store per container. */

import type { MediaWorkerConfig } from '../../../config';
import { jsonLogger, type Logger } from '../../../logger';
import { createDocumentClient } from '../../../storage/dynamodb/document-client';
import { createObjectStore } from '../compose-media';
import { DynamoDbMediaRepository } from '../dynamodb-media-repository';
import type { ObjectStore } from '../object-store';
import { createMediaCleanup, type MediaCleanup } from './media-cleanup';
import { createUploadConfirmation, type UploadConfirmation } from './upload-confirmation';

export interface MediaWorkers {
  readonly cleanup: MediaCleanup;
  readonly confirm: UploadConfirmation;
  close(): void;
}

export interface WorkerOverrides {
  /** Replaces the bucket: only for fault injection. */
  readonly objects?: ObjectStore;
  readonly logger?: Logger;
}

export function composeMediaWorkers(
  config: MediaWorkerConfig,
  overrides: WorkerOverrides = {},
): MediaWorkers {
  const client = createDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint !== undefined && { endpoint: config.dynamodbEndpoint }),
  });
  const maintenance = new DynamoDbMediaRepository(client, config.tableName);
  const objects = overrides.objects ?? createObjectStore(config.region, config.media);
  const logger = overrides.logger ?? jsonLogger;
  return {
    cleanup: createMediaCleanup({ maintenance, objects, logger }),
    confirm: createUploadConfirmation({ maintenance, objects, logger }),
    close: () => client.destroy(),
  };
}
