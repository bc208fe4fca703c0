/**
 * Lambda entry of the upload worker (S3 ObjectCreated notifications of the media bucket). A
 * failure is thrown: Lambda retries the asynchronous event twice, then sends it to the dead-letter
 * queue, which has an alarm.
 */
import type { S3Event } from 'aws-lambda';
import { loadWorkerConfig } from '../config';
import { jsonLogger } from '../logger';
import { composeUploadWorker } from '../resources/media/workers/compose-workers';

const worker = composeUploadWorker(loadWorkerConfig());

export async function handler(event: S3Event): Promise<void> {
  for (const record of event.Records) {
    // Keys arrive form-encoded (spaces as '+').
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await worker.confirm(key);
    jsonLogger.info('upload confirmation', { key, outcome });
  }
}
