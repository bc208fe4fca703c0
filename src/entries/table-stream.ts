/**
 * Lambda entry of the media stream worker (DynamoDB Streams of the items table, REMOVE events).
 * Failed records are reported one by one (ReportBatchItemFailures): the stream retries from the
 * first, and after its retries the batch goes to the dead-letter queue, which has an alarm.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadMediaWorkerConfig } from '../config';
import { jsonLogger } from '../logger';
import { composeMediaWorkers } from '../resources/media/workers/compose-workers';

const workers = composeMediaWorkers(loadMediaWorkerConfig());

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.OldImage;
    if (record.eventName !== 'REMOVE' || image === undefined) continue;
    try {
      await workers.cleanup(unmarshall(image as Record<string, AttributeValue>));
    } catch (error) {
      jsonLogger.error('media cleanup failed', { sequenceNumber: record.dynamodb?.SequenceNumber, error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
