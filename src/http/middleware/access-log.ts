import type { Logger } from '../../logger';
import type { Middleware } from '../middleware';

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

/**
 * One access line per request, after the answer is known: request id, operation, status, latency,
 * cold start and caller subject. Errors are logged by problem.ts with the same request id.
 */
export function accessLogMiddleware(
  logger: Logger,
  now: () => number = performance.now.bind(performance),
): Middleware {
  let coldStart = true;
  return async (exchange, next) => {
    const started = now();
    const cold = coldStart;
    coldStart = false;
    const response = await next();
    const { request } = exchange;
    const record: AccessRecord = {
      requestId: request.requestId,
      ...(exchange.operationId !== undefined && { operationId: exchange.operationId }),
      method: request.method,
      path: request.path,
      status: response.status,
      latencyMs: Math.round((now() - started) * 100) / 100,
      coldStart: cold,
      ...(request.caller !== undefined && { subject: request.caller.subject }),
    };
    logger.info(ACCESS_MESSAGE, record);
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
