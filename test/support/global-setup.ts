import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDynamoDbEngine } from '../../src/local/engines/dynamodb-engine';
import { LOCAL_MEDIA_BUCKET, localMediaEnvironment } from '../../src/local/engines/local-media';
import { startLocalS3 } from '../../src/local/engines/s3-server';

/**
 * Starts one in-memory DynamoDB Local and one local S3 (signature-verifying, in a temporary
 * directory) for the run; test workers inherit their endpoints through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const engine = await startDynamoDbEngine();
  globalThis.__DYNAMODB_ENGINE__ = engine;
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.AWS_REGION = 'us-east-1';
  process.env.PAGE_TOKEN_SECRET = randomBytes(32).toString('base64');
  const s3 = await startLocalS3({
    bucket: LOCAL_MEDIA_BUCKET,
    directory: await mkdtemp(path.join(tmpdir(), 'items-s3-')),
    corsOrigins: ['*'],
  });
  globalThis.__LOCAL_S3__ = s3;
  Object.assign(process.env, localMediaEnvironment(s3.endpoint));
}
