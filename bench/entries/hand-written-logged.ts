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
import { operations } from '../../generated/routes';
import type { ProxyHandler } from '../../src/gateway-events/rest-api-v1';
import { ACCESS_MESSAGE } from '../../src/http/middleware/access-log';
import { METRIC, METRICS_SERVICE, NO_OPERATION } from '../../src/http/middleware/metrics';
import { callerOf } from '../item-operations';
import { handler as handWritten } from './hand-written';

/** operationId by `METHOD /template`, from the generated route table, as the gateway's resource names it. */
const OPERATIONS = new Map(
  operations.map((route) => [`${route.method} ${route.template}`, route.operationId]),
);

const DEFINITIONS = [
  { Name: METRIC.requests, Unit: 'Count' },
  { Name: METRIC.latency, Unit: 'Milliseconds' },
  { Name: METRIC.clientErrors, Unit: 'Count' },
  { Name: METRIC.serverErrors, Unit: 'Count' },
];

let coldStart = true;

function line(event: APIGatewayProxyEvent, status: number, latencyMs: number, cold: boolean): string {
  const operation = OPERATIONS.get(`${event.httpMethod} ${event.resource}`) ?? NO_OPERATION;
  const at = Date.now();
  return JSON.stringify({
    level: 'info',
    message: ACCESS_MESSAGE,
    timestamp: new Date(at).toISOString(),
    requestId: event.requestContext.requestId,
    operationId: operation,
    method: event.httpMethod,
    path: event.path,
    status,
    latencyMs,
    coldStart: cold,
    subject: callerOf(event)?.owner,
    _aws: {
      Timestamp: at,
      CloudWatchMetrics: [
        {
          Namespace: 'ItemsApi',
          Dimensions: [['Service', 'Operation'], ['Service']],
          Metrics: cold ? [...DEFINITIONS, { Name: METRIC.coldStart, Unit: 'Count' }] : DEFINITIONS,
        },
      ],
    },
    Service: METRICS_SERVICE,
    Operation: operation,
    [METRIC.requests]: 1,
    [METRIC.latency]: latencyMs,
    [METRIC.clientErrors]: status >= 400 && status < 500 ? 1 : 0,
    [METRIC.serverErrors]: status >= 500 ? 1 : 0,
    ...(cold && { [METRIC.coldStart]: 1 }),
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
