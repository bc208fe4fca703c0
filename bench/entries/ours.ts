/**
 * Benchmark entry for our Lambda: the shipped handler (src/entries/api.ts) composed exactly as there,
 * with the in-memory store in place of DynamoDB so only our code is timed.
 */
import { composeApp } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import { type ProxyHandler, toProxyHandler } from '../../src/gateway-events/rest-api-v1';
import { createDocumentClient } from '../../src/storage/dynamodb/document-client';
import { MemoryItemRepository } from '../memory-item-repository';

/** Unused, but loaded and constructed at cold start as the deployed function's SDK client is. */
export const documentClient = createDocumentClient({ region: 'us-east-1' });

export const handler: ProxyHandler = toProxyHandler(
  composeApp(
    loadConfig({
      TABLE_NAME: 'bench-items',
      MEDIA_BUCKET: 'bench-media',
      AWS_REGION: 'us-east-1',
      // 32 fixed bytes: page tokens need a key, and a benchmark needs no secret.
      PAGE_TOKEN_SECRET: Buffer.alloc(32, 7).toString('base64'),
      // The "ours (no access line)" row sets it, with LOG_LEVEL=warn (bench/run.ts).
      METRICS_DISABLED: process.env.METRICS_DISABLED,
    }),
    { repository: new MemoryItemRepository() },
  ),
);
