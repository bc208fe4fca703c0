/**
 * Media for `npm start`: the local S3 (bucket and CORS created on start, data under .data/s3) and
 * the two media workers wired as on AWS: S3's ObjectCreated events confirm uploads, the table's
 * stream removes what a delete leaves behind. The API also confirms on read, as a fallback.
 */
import path from 'node:path';
import { composeTableStream, type TableStreamOverrides } from '../../compose-table-stream';
import { loadWorkerConfig, type WorkerConfig } from '../../config';
import type { Logger } from '../../logger';
import { composeUploadWorker } from '../../resources/media/workers/compose-workers';
import { createDynamoDbClient } from '../../storage/dynamodb/document-client';
import { LOCAL_S3_CREDENTIALS, startLocalS3 } from './s3-server';
import { followTableStream } from './table-stream';

/** The bucket name locally (MEDIA_BUCKET on AWS comes from the stack). */
export const LOCAL_MEDIA_BUCKET = 'items-media';

/** The environment the API function needs to reach a local S3 at `endpoint`. */
export function localMediaEnvironment(endpoint: string): Record<string, string> {
  return {
    MEDIA_BUCKET: LOCAL_MEDIA_BUCKET,
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    MEDIA_CONFIRM_ON_READ: 'true',
  };
}

export interface MediaWorkerHandle {
  /** Confirms an upload, as the ObjectCreated worker does. */
  readonly confirm: (objectKey: string) => Promise<unknown>;
  stop(): Promise<void>;
}

/** The stream worker following a table of DynamoDB Local, and the upload worker, for one table. */
export async function startMediaWorkers(
  config: WorkerConfig & { readonly dynamodbEndpoint: string },
  logger: Logger,
  overrides: TableStreamOverrides = {},
): Promise<MediaWorkerHandle> {
  const uploads = composeUploadWorker(config, { ...overrides, logger });
  const cascade = composeTableStream(config, { ...overrides, logger });
  const client = createDynamoDbClient({ endpoint: config.dynamodbEndpoint, region: config.region });
  const stream = await followTableStream({
    client,
    endpoint: config.dynamodbEndpoint,
    region: config.region,
    tableName: config.tableName,
    onRemove: cascade.onRemove,
    logger,
  });
  return {
    confirm: uploads.confirm,
    async stop() {
      await stream.stop();
      client.destroy();
      uploads.close();
      cascade.close();
    },
  };
}

export interface LocalMediaOptions {
  readonly dataDir: string;
  readonly tableName: string;
  readonly dynamodbEndpoint: string;
  readonly region: string;
  readonly corsOrigins: readonly string[];
  readonly logger: Logger;
  readonly port?: number;
}

export interface LocalMedia {
  /** Set these before the API handler loads its config. */
  readonly environment: Record<string, string>;
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Everything media needs locally: S3, its events, the stream worker. */
export async function startLocalMedia(options: LocalMediaOptions): Promise<LocalMedia> {
  let confirm: ((key: string) => Promise<unknown>) | undefined;
  const s3 = await startLocalS3({
    bucket: LOCAL_MEDIA_BUCKET,
    directory: path.join(options.dataDir, 's3'),
    corsOrigins: options.corsOrigins,
    ...(options.port !== undefined && { port: options.port }),
    onObjectCreated: (key) => {
      confirm?.(key).catch((error: unknown) =>
        options.logger.error('upload confirmation failed', { key, error }),
      );
    },
  });
  const environment = localMediaEnvironment(s3.endpoint);
  const config = loadWorkerConfig({
    ...environment,
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    AWS_REGION: options.region,
  });
  const workers = await startMediaWorkers(
    { ...config, dynamodbEndpoint: options.dynamodbEndpoint },
    options.logger,
  );
  confirm = workers.confirm;
  return {
    environment,
    endpoint: s3.endpoint,
    async stop() {
      await workers.stop();
      await s3.stop();
    },
  };
}
