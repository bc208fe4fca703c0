/**
 * Lambda entry of the table stream worker (DynamoDB Streams of the items table, the events that
 * remove a record: removal-events.ts): every resource's removal hook and the cascade of children
 * (src/compose-table-stream.ts).
 * Failed records are reported one by one (ReportBatchItemFailures): the stream retries from the
 * first, and after its retries the batch goes to the dead-letter queue, which has an alarm.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { composeTableStream } from '../compose-table-stream';
import { loadWorkerConfig } from '../config';
import { jsonLogger } from '../logger';
import { removedImage } from '../storage/dynamodb/removal-events';

const worker = composeTableStream(loadWorkerConfig());

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = removedImage({ eventName: record.eventName, ...record.dynamodb });
    if (image === undefined) continue;
    try {
      await worker.onRemove(unmarshall(image as Record<string, AttributeValue>));
    } catch (error) {
      jsonLogger.error('removal cascade failed', { sequenceNumber: record.dynamodb?.SequenceNumber, error });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
