/**
 * The baseline with issue 13's line: the hand-written handler, plus after each answer one JSON
 * line carrying what ours carries (the access record and the EMF metrics of the request), built
 * the plain way, one object through JSON.stringify, and written to stdout as ours writes it.
 * Warm only: it shows what the line itself costs a handler with no framework, so our warm figures
 * can be read like for like.
 *
 * BENCH_LINE=constant writes a line of the same length that was serialised once at load: the
 * write alone, with nothing built per request, the floor of any handler that logs each request.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { ProxyHandler } from '../../src/lambda-proxy';
import { handler as handWritten } from './hand-written';

const OPERATIONS: Readonly<Record<string, string>> = {
  'GET /items': 'listItems',
  'POST /items': 'createItem',
  'GET /items/{itemId}': 'getItem',
  'PUT /items/{itemId}': 'replaceItem',
  'PATCH /items/{itemId}': 'updateItem',
  'DELETE /items/{itemId}': 'deleteItem',
};

const DEFINITIONS = [
  { Name: 'Requests', Unit: 'Count' },
  { Name: 'Latency', Unit: 'Milliseconds' },
  { Name: '4XXError', Unit: 'Count' },
  { Name: '5XXError', Unit: 'Count' },
];

let coldStart = true;

function line(event: APIGatewayProxyEvent, status: number, latencyMs: number, cold: boolean): string {
  const claims: unknown = event.requestContext.authorizer?.claims;
  const subject = typeof claims === 'object' && claims !== null && 'sub' in claims ? claims.sub : undefined;
  const operation = OPERATIONS[`${event.httpMethod} ${event.resource}`] ?? 'none';
  const at = Date.now();
  return JSON.stringify({
    level: 'info',
    message: 'request',
    timestamp: new Date(at).toISOString(),
    requestId: event.requestContext.requestId,
    operationId: operation,
    method: event.httpMethod,
    path: event.path,
    status,
    latencyMs,
    coldStart: cold,
    subject,
    _aws: {
      Timestamp: at,
      CloudWatchMetrics: [
        {
          Namespace: 'ItemsApi',
          Dimensions: [['Service', 'Operation'], ['Service']],
          Metrics: cold ? [...DEFINITIONS, { Name: 'ColdStart', Unit: 'Count' }] : DEFINITIONS,
        },
      ],
    },
    Service: 'items-api',
    Operation: operation,
    Requests: 1,
    Latency: latencyMs,
    '4XXError': status >= 400 && status < 500 ? 1 : 0,
    '5XXError': status >= 500 ? 1 : 0,
    ...(cold && { ColdStart: 1 }),
  });
}

const constant = process.env.BENCH_LINE === 'constant';
let written: string | undefined;

export const handler: ProxyHandler = async (event) => {
  const started = performance.now();
  const cold = coldStart;
  coldStart = false;
  const response = await handWritten(event);
  if (constant) {
    // Serialised on the first request only, then the same text every time.
    written ??= `${line(event, response.statusCode, 0.25, false)}\n`;
    process.stdout.write(written);
  } else {
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    process.stdout.write(`${line(event, response.statusCode, latencyMs, cold)}\n`);
  }
  return response;
};
