import { jsonStringContent, type RecordWriter, writeMetricsLine } from '../../logger';
import type { Middleware } from './chain';
import type { MetricsRecorder } from './metrics';

/** The fields of the access line (message `request`), which `npm start` also renders for a terminal. */
// A type, not an interface, so it is a LogFields record as it stands.
export type AccessRecord = {
  readonly requestId: string;
  /** Absent when the request matched no operation (404, 405). */
  readonly operationId?: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly latencyMs: number;
  /** True for the first request this container serves. */
  readonly coldStart: boolean;
  /** The authorizer's subject; never the token, a body or any other personal data. */
  readonly subject?: string;
};

export const ACCESS_MESSAGE = 'request';

export interface AccessLogOptions {
  /** Where the line goes: the process's JSON logger (LOG_LEVEL applies; the line is info). */
  readonly records: RecordWriter;
  /** Makes the line an EMF record too (absent with METRICS_DISABLED=true). */
  readonly metrics?: MetricsRecorder;
  /** Where the metrics-only line goes when LOG_LEVEL leaves out info lines (the process output). */
  readonly writeMetrics?: (line: string) => void;
  readonly now?: () => number;
  readonly clock?: () => number;
}

/**
 * One line per request, after the answer is known: request id, operation, status, latency, cold
 * start and caller subject, and in the same JSON object the request's EMF metrics, so one write
 * serves as both the access log and the metrics. Errors are logged by problem.ts with the same
 * request id. With LOG_LEVEL above info the line carries the metrics alone.
 */
export function accessLogMiddleware({
  records,
  metrics,
  writeMetrics = writeMetricsLine,
  now = performance.now.bind(performance),
  clock = Date.now,
}: AccessLogOptions): Middleware {
  let coldStart = true;
  return async (exchange, next) => {
    const started = now();
    const cold = coldStart;
    coldStart = false;
    const response = await next();
    const latencyMs = Math.round((now() - started) * 100) / 100;
    // Number to text is the dearest step of the line: once, for latencyMs and the Latency metric.
    const latency = String(latencyMs);
    const at = clock();
    const emf =
      metrics === undefined
        ? ''
        : metrics.members({ exchange, status: response.status, latency, coldStart: cold, at });
    const { request } = exchange;
    const requestId = jsonStringContent(request.requestId);
    if (!records.enabled('info')) {
      if (emf !== '') writeMetrics(`{"requestId":"${requestId}"${emf}}`);
      return response;
    }
    const { operationId } = exchange;
    const subject = request.caller?.subject;
    // One shape whatever is absent (an absent member is undefined, which JSON leaves out).
    const record: AccessRecord = {
      requestId: request.requestId,
      operationId,
      method: request.method,
      path: request.path,
      status: response.status,
      latencyMs,
      coldStart: cold,
      subject,
    };
    // The record's own JSON, member by member in its order: the one serialisation of the line.
    // Every piece spliced in costs (the line is flattened when written), so the quotes are in the
    // constant text; an operation id is a spec identifier, which needs no escapes.
    const members = `,"requestId":"${requestId}${operationId === undefined ? '' : `","operationId":"${operationId}`}","method":"${jsonStringContent(request.method)}","path":"${jsonStringContent(request.path)}","status":${response.status},"latencyMs":${latency}${cold ? ',"coldStart":true' : ',"coldStart":false'}${subject === undefined ? '' : `,"subject":"${jsonStringContent(subject)}"`}`;
    records.write('info', ACCESS_MESSAGE, record, `${members}${emf}`, at);
    return response;
  };
}

/** Reads an access record back from a log line's fields; undefined for any other line. */
export function asAccessRecord(
  message: string,
  fields: Readonly<Record<string, unknown>>,
): AccessRecord | undefined {
  if (message !== ACCESS_MESSAGE) return undefined;
  const { requestId, method, path, status, latencyMs, coldStart, operationId, subject } = fields;
  if (
    typeof requestId !== 'string' ||
    typeof method !== 'string' ||
    typeof path !== 'string' ||
    typeof status !== 'number' ||
    typeof latencyMs !== 'number'
  )
    return undefined;
  return {
    requestId,
    method,
    path,
    status,
    latencyMs,
    coldStart: coldStart === true,
    ...(typeof operationId === 'string' && { operationId }),
    ...(typeof subject === 'string' && { subject }),
  };
}
