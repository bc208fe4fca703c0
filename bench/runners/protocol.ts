/**
 * What the benchmark's child processes are given and print back: one JSON line each on stdout.
 * Shared by bench/run.ts and the runners it bundles into dist/bench/.
 */
import { readFileSync } from 'node:fs';
import type { ProxyHandler } from '../../src/gateway-events/rest-api-v1';
import type { BenchOperation } from '../events';

export interface ColdStartSample {
  readonly status: number;
  /** From process start (performance.timeOrigin) to the first response, as measured inside the child. */
  readonly inProcessMs: number;
  readonly requireMs: number;
  readonly firstCallMs: number;
  readonly rssBytes: number;
  /** process.resourceUsage().maxRSS, in KiB. */
  readonly maxRssKiB: number;
  /** process.hrtime in µs (V8's profile clock) when the bundle had loaded and when the answer came. */
  readonly loadedAtMicros?: number;
  readonly answeredAtMicros?: number;
}

export interface WarmOperationResult {
  readonly operationId: string;
  readonly calls: number;
  /** Microseconds per call in each timed batch. */
  readonly batchMicros: readonly number[];
  readonly medianMicros: number;
  readonly failures: number;
  readonly firstFailure?: string;
}

export interface WarmResult {
  readonly operations: readonly WarmOperationResult[];
  readonly warmupFailures: number;
  readonly rssBytes: number;
  readonly maxRssKiB: number;
}

/** A request to route and validate, already parsed as a Lambda handler would have it. */
export interface RoutingRequest {
  readonly method: string;
  readonly path: string;
  /** The resource template API Gateway matched, e.g. `/items/{itemId}`. */
  readonly template: string;
  readonly pathParameters: Record<string, string>;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

export interface RoutingResult {
  readonly buildMs: number;
  readonly calls: number;
  readonly batchMicros: readonly number[];
  readonly medianMicros: number;
  readonly failures: number;
  readonly firstFailure?: string;
}

export function readOperations(file: string): BenchOperation[] {
  // Written by bench/run.ts from bench/events.ts a moment earlier.
  return JSON.parse(readFileSync(file, 'utf8')) as BenchOperation[];
}

/** Loads a bundle the way the Lambda runtime does, checking it exports a handler. */
export function loadHandler(bundle: string): ProxyHandler {
  const loaded: unknown = require(bundle);
  if (
    typeof loaded !== 'object' ||
    loaded === null ||
    !('handler' in loaded) ||
    typeof loaded.handler !== 'function'
  ) {
    throw new Error(`${bundle} does not export a handler function`);
  }
  const handler = loaded.handler;
  return (event) => handler(event);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The one line a runner reports on. */
export function report(result: unknown): void {
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Marks the runner's report line: the bundles under test write their own log and metric lines to stdout. */
export const REPORT_PREFIX = 'bench-report ';
