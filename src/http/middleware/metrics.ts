/**
 * Per-operation metrics as CloudWatch Embedded Metric Format. EMF is a JSON log line: CloudWatch
 * extracts the metrics named under `_aws` and keeps every other member as a log field. So the
 * metrics are members of the access line (access-log.ts), one line and one write per invocation,
 * rather than a second line. Written directly rather than through Powertools Metrics, which costs
 * 29 KB of bundle and about 13 ms of cold start here (docs/performance.md).
 */
import { epochMillisText } from '../../logger';
import type { Exchange } from './chain';

export const METRICS_SERVICE = 'items-api';

/** Metric names, for the dashboard and alarms (infra reads these). */
export const METRIC = {
  requests: 'Requests',
  latency: 'Latency',
  clientErrors: '4XXError',
  serverErrors: '5XXError',
  coldStart: 'ColdStart',
  responseValidated: 'ResponseValidated',
  responseMismatch: 'ResponseValidationMismatch',
} as const;

/** Counters other middleware add to the current invocation's line. */
export type ExtraMetric = typeof METRIC.responseValidated | typeof METRIC.responseMismatch;

/** What the metrics of one answer are computed from. */
export interface Measured {
  readonly exchange: Exchange;
  readonly status: number;
  /** Milliseconds rounded to hundredths, as JSON text: the access line's `latencyMs`, converted once. */
  readonly latency: string;
  readonly coldStart: boolean;
  /** Epoch milliseconds: the EMF `Timestamp`. */
  readonly at: number;
}

export interface MetricsRecorder {
  /** Adds 1 to `name` in the line this exchange's invocation writes. */
  count(exchange: Exchange, name: ExtraMetric): void;
  /** The EMF members of the invocation's line, JSON, each after a comma (`,"_aws":{…},"Service":…`). */
  members(measured: Measured): string;
}

/** Unmatched requests (404, 405) have no operation; they are counted under this value. */
export const NO_OPERATION = 'none';

const DIMENSIONS = [['Service', 'Operation'], ['Service']];
const BASE_DEFINITIONS = [
  { Name: METRIC.requests, Unit: 'Count' },
  { Name: METRIC.latency, Unit: 'Milliseconds' },
  { Name: METRIC.clientErrors, Unit: 'Count' },
  { Name: METRIC.serverErrors, Unit: 'Count' },
];

// The error counters by status class, whole: each piece spliced into the line costs its share.
const errorCounts = (client: number, server: number): string =>
  `,"${METRIC.clientErrors}":${client},"${METRIC.serverErrors}":${server}`;
const NO_ERROR = errorCounts(0, 0);
const CLIENT_ERROR = errorCounts(1, 0);
const SERVER_ERROR = errorCounts(0, 1);

const NONE: Record<string, number> = {};
const NO_NAMES: readonly string[] = [];

export function metricsRecorder(namespace: string): MetricsRecorder {
  const extras = new WeakMap<Exchange, Partial<Record<ExtraMetric, number>>>();
  const templates = new Map<string, string>();

  /**
   * The members between the `_aws` timestamp and the latency value, by operation: JSON once per
   * operation and set of extra counters (the common case has none); only numbers are spliced in.
   */
  function template(operation: string, extraNames: readonly string[]): string {
    const key = extraNames.length === 0 ? operation : `${operation}\n${extraNames.join('\n')}`;
    let found = templates.get(key);
    if (found === undefined) {
      const definitions = [...BASE_DEFINITIONS, ...extraNames.map((Name) => ({ Name, Unit: 'Count' }))];
      const metrics = JSON.stringify([
        { Namespace: namespace, Dimensions: DIMENSIONS, Metrics: definitions },
      ]);
      found = `,"CloudWatchMetrics":${metrics}},"Service":${JSON.stringify(METRICS_SERVICE)},"Operation":${JSON.stringify(operation)},"${METRIC.requests}":1,"${METRIC.latency}":`;
      templates.set(key, found);
    }
    return found;
  }

  return {
    count(exchange, name) {
      const counts = extras.get(exchange) ?? {};
      counts[name] = (counts[name] ?? 0) + 1;
      extras.set(exchange, counts);
    },
    members({ exchange, status, latency, coldStart, at }) {
      const counted = extras.get(exchange);
      const added: Record<string, number> =
        counted === undefined && !coldStart
          ? NONE
          : { ...counted, ...(coldStart && { [METRIC.coldStart]: 1 }) };
      const names = added === NONE ? NO_NAMES : Object.keys(added);
      const errors = status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : NO_ERROR;
      let line = `,"_aws":{"Timestamp":${epochMillisText(at)}${template(exchange.operationId ?? NO_OPERATION, names)}${latency}${errors}`;
      for (const name of names) line += `,"${name}":${added[name]}`;
      return line;
    },
  };
}
