/**
 * One realistic API Gateway proxy event per operation of openapi.yaml, as every variant receives
 * them, with the status a correct answer has. Built with the factory the tests use
 * (fixtures/events.ts), so the events have exactly the shape the gateway sends (resource, path
 * parameters, authorizer claims).
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { BENCH_ITEM, BENCH_OWNER } from '../fixtures/bench-item';
import { createEvent } from '../fixtures/events';
import { BENCH_MEDIA } from './memory-media-repository';

export interface BenchOperation {
  readonly operationId: string;
  readonly expectedStatus: number;
  readonly event: APIGatewayProxyEvent;
}

const JSON_BODY = { 'Content-Type': 'application/json', Accept: 'application/json' };
const ITEM_PATH = `/items/${BENCH_ITEM.id}`;

export function benchOperations(): BenchOperation[] {
  const subject = BENCH_OWNER;
  return [
    {
      operationId: 'listItems',
      expectedStatus: 200,
      event: createEvent('GET', '/items?limit=20&status=active', {
        subject,
        headers: { Accept: 'application/json' },
      }),
    },
    {
      operationId: 'createItem',
      expectedStatus: 201,
      event: createEvent('POST', '/items', {
        subject,
        headers: JSON_BODY,
        body: JSON.stringify({ name: 'Quarterly report', description: 'Numbers for Q3' }),
      }),
    },
    {
      operationId: 'getItem',
      expectedStatus: 200,
      event: createEvent('GET', ITEM_PATH, { subject, headers: { Accept: 'application/json' } }),
    },
    {
      operationId: 'replaceItem',
      expectedStatus: 200,
      event: createEvent('PUT', ITEM_PATH, {
        subject,
        headers: { ...JSON_BODY, 'If-Match': '"1"' },
        body: JSON.stringify({
          name: 'Quarterly report (final)',
          description: 'Numbers for Q3',
          status: 'active',
        }),
      }),
    },
    {
      operationId: 'updateItem',
      expectedStatus: 200,
      event: createEvent('PATCH', ITEM_PATH, {
        subject,
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"1"' },
        body: JSON.stringify({ status: 'archived' }),
      }),
    },
    {
      operationId: 'deleteItem',
      expectedStatus: 204,
      event: createEvent('DELETE', ITEM_PATH, { subject, headers: { 'If-Match': '"1"' } }),
    },
  ];
}

/**
 * The rejection path beside the success path (issue 11): a POST /items refused by validation (a
 * blank name and an unknown status, so the answer lists several issues) next to a successful
 * getItem. Only our bundle runs these: the baseline validates nothing, so it has no rejection path.
 */
export function rejectionOperations(): BenchOperation[] {
  const getItem = benchOperations().find(({ operationId }) => operationId === 'getItem');
  return [
    ...(getItem === undefined ? [] : [getItem]),
    {
      operationId: 'createItem (rejected)',
      expectedStatus: 400,
      event: createEvent('POST', '/items', {
        subject: BENCH_OWNER,
        headers: JSON_BODY,
        body: JSON.stringify({ name: '   ', status: 'deleted' }),
      }),
    },
  ];
}

/** The media operations, for ours alone (the baseline and openapi-backend have none). */
export function benchMediaOperations(): BenchOperation[] {
  const subject = BENCH_OWNER;
  const media = `${ITEM_PATH}/media`;
  return [
    {
      operationId: 'createMediaUpload',
      expectedStatus: 201,
      event: createEvent('POST', media, {
        subject,
        headers: JSON_BODY,
        body: JSON.stringify({ contentType: 'image/png', size: 182034, fileName: 'front view.png' }),
      }),
    },
    {
      operationId: 'listMedia',
      expectedStatus: 200,
      event: createEvent('GET', media, { subject, headers: { Accept: 'application/json' } }),
    },
    {
      operationId: 'getMedia',
      expectedStatus: 200,
      event: createEvent('GET', `${media}/${BENCH_MEDIA.id}`, {
        subject,
        headers: { Accept: 'application/json' },
      }),
    },
    {
      operationId: 'deleteMedia',
      expectedStatus: 204,
      event: createEvent('DELETE', `${media}/${BENCH_MEDIA.id}`, { subject }),
    },
  ];
}
