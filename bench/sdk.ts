/**
 * The client SDK's cost (issue 21): its own code minified + gzipped (goal <= 5 KB; it has no
 * runtime dependency, so this is all of it; openapi-fetch's own size is printed beside it), and
 * its per-call time against a bare openapi-fetch call to the same in-process server, as ratios
 * measured in one run (goal <= 1.2x). The server answers canned bodies, so the ratio is the
 * clients' own work and the loopback round trip, not the API's. `npx tsx bench/sdk.ts` runs it alone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';
import { createItemsApi } from '../clients/typescript/src';
import { BENCH_ITEM as ITEM } from '../fixtures/bench-item';
import type { paths } from '../generated/openapi';
import { check, type GoalCheck } from './report';

const ROOT = path.resolve(__dirname, '..');
export const SDK_GOALS = { gzipBytes: 5 * 1024, perCall: 1.2 };
const ROUNDS = 7;
const CALLS_PER_ROUND = 400;
const WARMUP_CALLS = 300;

export interface SdkReport {
  readonly sdkGzipBytes: number;
  readonly sdkMinBytes: number;
  readonly openapiFetchGzipBytes: number;
  /** Median µs per call of each round, by operation: the SDK and bare openapi-fetch. */
  readonly perCall: Record<
    string,
    { readonly sdkMicros: number; readonly bareMicros: number; readonly ratio: number }
  >;
}

export async function measureSdk(): Promise<SdkReport> {
  const [sdk, bare] = await Promise.all([
    minifiedGzip(path.join(ROOT, 'clients/typescript/src/index.ts')),
    minifiedGzip(require.resolve('openapi-fetch').replace(/index\.cjs$/, 'index.mjs')),
  ]);
  const server = await cannedServer();
  try {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { Authorization: 'Bearer token' };
    const api = createItemsApi({ baseUrl, token: 'token' });
    const client = createClient<paths>({ baseUrl, headers });
    const itemId = ITEM.id;
    const body = { name: 'Quarterly report' };
    const perCall = {
      getItem: await compare(
        () => api.getItem({ itemId }),
        () => client.GET('/items/{itemId}', { params: { path: { itemId } } }),
      ),
      createItem: await compare(
        () => api.createItem({ body }),
        // What the SDK sends too: a fresh Idempotency-Key per call.
        () => client.POST('/items', { body, params: { header: { 'Idempotency-Key': crypto.randomUUID() } } }),
      ),
    };
    return { sdkGzipBytes: sdk.gzip, sdkMinBytes: sdk.min, openapiFetchGzipBytes: bare.gzip, perCall };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export function sdkGoals(report: SdkReport): GoalCheck[] {
  return [
    check('SDK min+gz vs 5 KB', 1, 'items-api-client', report.sdkGzipBytes / SDK_GOALS.gzipBytes),
    ...Object.entries(report.perCall).map(([operation, { ratio }]) =>
      check(`SDK ${operation} vs bare openapi-fetch`, SDK_GOALS.perCall, 'items-api-client', ratio),
    ),
  ];
}

export function formatSdk(report: SdkReport): string[] {
  return [
    'Client SDK (clients/typescript; canned in-process server, median of rounds, calls interleaved)',
    `  size: ${report.sdkMinBytes} B minified, ${report.sdkGzipBytes} B gzipped (goal <= ${SDK_GOALS.gzipBytes} B; openapi-fetch alone: ${report.openapiFetchGzipBytes} B gzipped, not a dependency)`,
    ...Object.entries(report.perCall).map(
      ([operation, { sdkMicros, bareMicros, ratio }]) =>
        `  ${operation.padEnd(11)} SDK ${sdkMicros.toFixed(1)} µs, bare openapi-fetch ${bareMicros.toFixed(1)} µs: ${ratio.toFixed(2)}x ${ratio <= SDK_GOALS.perCall ? 'PASS' : 'MISS'} (goal <= ${SDK_GOALS.perCall}x)`,
    ),
  ];
}

async function minifiedGzip(entry: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Answers GET with the item and POST with it as created, as the API would, without doing anything. */
async function cannedServer(): Promise<Server> {
  const item = JSON.stringify(ITEM);
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(request.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(item),
        etag: '"1"',
      });
      response.end(item);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Rounds of each, interleaved so both see the same machine; the median round of each. */
async function compare(
  sdk: () => PromiseLike<unknown>,
  bare: () => PromiseLike<unknown>,
): Promise<{ sdkMicros: number; bareMicros: number; ratio: number }> {
  for (let i = 0; i < WARMUP_CALLS; i++) {
    await sdk();
    await bare();
  }
  const sdkRounds: number[] = [];
  const bareRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareRounds.push(await timeRound(bare));
    sdkRounds.push(await timeRound(sdk));
  }
  const sdkMicros = median(sdkRounds);
  const bareMicros = median(bareRounds);
  return { sdkMicros, bareMicros, ratio: sdkMicros / bareMicros };
}

async function timeRound(call: () => PromiseLike<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) await call();
  return ((performance.now() - started) * 1000) / CALLS_PER_ROUND;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (require.main === module) {
  measureSdk().then(
    (report) => {
      console.log(formatSdk(report).join('\n'));
      for (const goal of sdkGoals(report)) console.log(`  ${goal.goal}: ${goal.verdict}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
