/** Wires the upload worker from its config: one DynamoDB client and one object store per container. */
import type { WorkerConfig } from '../../../config';
import { jsonLogger, type Logger } from '../../../logger';
import { createDocumentClient } from '../../../storage/dynamodb/document-client';
import { createObjectStore } from '../compose-media';
import { DynamoDbMediaRepository } from '../dynamodb-media-repository';
import type { ObjectStore } from '../object-store';
import { createUploadConfirmation, type UploadConfirmation } from './upload-confirmation';

export interface UploadWorker {
  readonly confirm: UploadConfirmation;
  close(): void;
}

export interface UploadWorkerOverrides {
  /** Replaces the bucket: only for fault injection. */
  readonly objects?: ObjectStore;
  readonly logger?: Logger;
}

export function composeUploadWorker(
  config: WorkerConfig,
  overrides: UploadWorkerOverrides = {},
): UploadWorker {
  const client = createDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint !== undefined && { endpoint: config.dynamodbEndpoint }),
  });
  const maintenance = new DynamoDbMediaRepository(client, config.tableName);
  const objects = overrides.objects ?? createObjectStore(config.region, config.media);
  return {
    confirm: createUploadConfirmation({ maintenance, objects, logger: overrides.logger ?? jsonLogger }),
    close: () => client.destroy(),
  };
}
