/**
 * dist/bench/routing-runner.js: route and validate one request, many times, with one router over
 * one spec, in a process of its own. `ours` passes the resource API Gateway matched, as the Lambda
 * does; `ours-path-only` leaves it out, so the router matches the path against every template.
 * Usage: node routing-runner.js <ours|ours-path-only|openapi-backend> <spec.json> <request.json>
 *        <calls> <batches> [module exporting compileRouter]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document } from 'openapi-backend';
import type { Router } from '../../src/http/router';
import { callsPerBatch, median } from '../stats';
import { describeError, type RoutingRequest, type RoutingResult, report } from './protocol';

const WARMUP_CALLS = 2_000;
const PROBE_CALLS = 500;

type RouteAndValidate = () => void;

interface RouterModule {
  compileRouter(spec: unknown): Router;
}

function isRouterModule(value: unknown): value is RouterModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'compileRouter' in value &&
    typeof value.compileRouter === 'function'
  );
}

function ours(
  routerModule: string,
  spec: unknown,
  request: RoutingRequest,
  withRoute: boolean,
): RouteAndValidate {
  const loaded: unknown = require(routerModule);
  if (!isRouterModule(loaded)) throw new Error(`${routerModule} does not export compileRouter`);
  const router = loaded.compileRouter(spec);
  const routeHint = withRoute
    ? { template: request.template, pathParameters: request.pathParameters }
    : undefined;
  const input = { query: request.query, headers: request.headers, body: request.body };
  return () => {
    router.validate(router.match(request.method, request.path, routeHint), input);
  };
}

async function openApiBackend(spec: unknown, request: RoutingRequest): Promise<RouteAndValidate> {
  const api = new OpenAPIBackend({
    definition: spec as Document,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  const { method, path, headers, query, body } = request;
  const req = { method, path, headers, query, body };
  return () => {
    const operation = api.router.matchOperation(req);
    if (operation === undefined) throw new Error(`no operation for ${method} ${path}`);
    const result = api.validator.validateRequest(req, operation);
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
  };
}

async function main(): Promise<void> {
  const [
    kind = '',
    specFile = '',
    requestFile = '',
    callsArg = '20000',
    batchesArg = '5',
    routerModule = '',
  ] = process.argv.slice(2);
  const spec: unknown = JSON.parse(readFileSync(specFile, 'utf8'));
  // Written by bench/run.ts a moment earlier.
  const request = JSON.parse(readFileSync(requestFile, 'utf8')) as RoutingRequest;
  const start = performance.now();
  const run =
    kind === 'openapi-backend'
      ? await openApiBackend(spec, request)
      : ours(routerModule, spec, request, kind === 'ours');
  const buildMs = performance.now() - start;

  let failures = 0;
  let firstFailure: string | undefined;
  const attempt = (): void => {
    try {
      run();
    } catch (error) {
      failures++;
      firstFailure ??= describeError(error).slice(0, 300);
    }
  };
  for (let call = 0; call < WARMUP_CALLS; call++) attempt();
  const probeStart = process.hrtime.bigint();
  for (let call = 0; call < PROBE_CALLS; call++) attempt();
  const probedMicros = Number(process.hrtime.bigint() - probeStart) / 1000 / PROBE_CALLS;
  failures = 0;
  const batches = Number(batchesArg);
  const perBatch = callsPerBatch(Number(callsArg), batches, probedMicros);
  const batchMicros: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const begin = process.hrtime.bigint();
    for (let call = 0; call < perBatch; call++) attempt();
    batchMicros.push(Number(process.hrtime.bigint() - begin) / 1000 / perBatch);
  }
  const result: RoutingResult = {
    buildMs,
    calls: perBatch * batches,
    batchMicros,
    medianMicros: median(batchMicros),
    failures,
    ...(firstFailure !== undefined && { firstFailure }),
  };
  report(result);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
