/**
 * Lambda entry of the upload worker (S3 ObjectCreated notifications of the media bucket). A
 * failure is thrown: Lambda retries the asynchronous event twice, then sends it to the dead-letter
 * queue, which has an alarm.
 */
import type { S3Event } from 'aws-lambda';
import { loadMediaWorkerConfig } from '../config';
import { jsonLogger } from '../logger';
import { composeMediaWorkers } from '../resources/media/workers/compose-workers';

const workers = composeMediaWorkers(loadMediaWorkerConfig());

export async function handler(event: S3Event): Promise<void> {
  for (const record of event.Records) {
    // Keys arrive form-encoded (spaces as '+').
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await workers.confirm(key);
    jsonLogger.info('upload confirmation', { key, outcome });
  }
}
