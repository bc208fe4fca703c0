/**
 * `npm run stress` (issue 11): a bounded run on loopback. Starts its own stack as `npm start` does
 * (DynamoDB Local in memory, the local gateway, the same handler), or targets API_BASE_URL with
 * API_TOKEN when set. A fixed number of requests: creates with Idempotency-Key and deliberate
 * retries, racing PUTs with If-Match, reads and paging. Prints requests, p50/p99 latency, 5xx,
 * lost updates and duplicate items; exits non-zero unless all three are 0. Stops everything it
 * started, on failure and on Ctrl-C too, and gives up after STRESS_DEADLINE_SECONDS (60).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import spec from '../generated/openapi.json';
import { composeApp } from '../src/compose-app';
import { loadConfig } from '../src/config';
import { toProxyHandler } from '../src/gateway-events/rest-api-v1';
import { ephemeralIdentity } from '../src/local/dev-tools/identity';
import { startDynamoDbEngine } from '../src/local/engines/dynamodb-engine';
import { ensureItemsTable } from '../src/local/engines/items-table';
import { startGateway } from '../src/local/gateway/server';
import { createJsonLogger } from '../src/logger';
import { methodsByTemplate } from '../src/spec/openapi-document';
import { createDynamoDbClient } from '../src/storage/dynamodb/document-client';

const KEYED_CREATES = 80;
/** Each keyed create is sent this many times: twice at once, then once more after the answers. */
const SENDS_PER_KEY = 3;
const RACED_ITEMS = 25;
const PUTS_PER_RACE = 8;
const READS = 300;
const PAGE_LIMIT = 7;
const CONCURRENCY = 16;
const DEADLINE_SECONDS = Number(process.env.STRESS_DEADLINE_SECONDS ?? 60);

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

interface Stack {
  readonly baseUrl: string;
  readonly token: string;
  stop(): Promise<void>;
}

const stops: Array<() => Promise<void>> = [];
async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
}

async function startStack(): Promise<Stack> {
  const baseUrl = process.env.API_BASE_URL;
  if (baseUrl !== undefined && baseUrl !== '') {
    const token = process.env.API_TOKEN;
    if (token === undefined || token === '') throw new Error('API_TOKEN is required with API_BASE_URL');
    return { baseUrl: baseUrl.replace(/\/$/, ''), token, stop: async () => {} };
  }
  // As `npm start` does, but in memory and on free ports, so a run leaves nothing behind.
  const engine = await startDynamoDbEngine();
  stops.push(() => engine.stop());
  const tableName = `stress-${randomUUID()}`;
  const client = createDynamoDbClient({ endpoint: engine.endpoint, region: 'us-east-1' });
  await ensureItemsTable(client, tableName);
  client.destroy();
  const config = loadConfig({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: engine.endpoint,
    AWS_REGION: 'us-east-1',
    PAGE_TOKEN_SECRET: randomBytes(32).toString('base64'),
    // Required by the config; this run sends no media request, so no S3 server is started.
    MEDIA_BUCKET: 'stress-media',
    // The run's own summary is the output: no access or EMF line per request.
    METRICS_DISABLED: 'true',
  });
  const identity = await ephemeralIdentity();
  const gateway = await startGateway({
    // Warnings and errors only: the run's summary is its output, not an access line per request.
    handler: toProxyHandler(composeApp(config, { logger: createJsonLogger('warn') })),
    resources: methodsByTemplate(spec),
    cors: { origins: [] },
    authorizer: identity.verify,
    port: 0,
  });
  stops.push(() => gateway.close());
  return { baseUrl: gateway.url, token: await identity.issue(`stress-${randomUUID()}`), stop: stopAll };
}

/** Whether the spec declares Idempotency-Key on createItem: only then can duplicates be held against the API. */
function idempotencyDeclared(): boolean {
  return JSON.stringify(spec.paths['/items'].post).includes('Idempotency-Key');
}

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`stress: gave up after ${DEADLINE_SECONDS} s`);
    void stopAll().finally(() => process.exit(2));
  }, DEADLINE_SECONDS * 1000);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }

  const started = Date.now();
  const stack = await startStack();
  const latencies: number[] = [];
  let serverErrors = 0;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const begin = performance.now();
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${stack.token}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    latencies.push(performance.now() - begin);
    if (response.status >= 500) serverErrors++;
    const json: unknown = text === '' ? {} : JSON.parse(text);
    return { status: response.status, headers: response.headers, json: json as Record<string, unknown> };
  };

  try {
    const run = `run-${Date.now()}`;
    // 1. Keyed creates with deliberate retries: two at once (a client retrying before its first
    //    answer), then a third after both answers.
    const keys = Array.from({ length: KEYED_CREATES }, (_, i) => `${run}-key-${i}`);
    await pool(keys, CONCURRENCY / 2, async (key) => {
      const body = { name: `keyed ${key}` };
      const sendKeyed = () => call('POST', '/items', body, { 'Idempotency-Key': key });
      await Promise.all([sendKeyed(), sendKeyed()]);
      for (let send = 2; send < SENDS_PER_KEY; send++) await sendKeyed();
    });

    // 2. Racing PUTs: every racer holds version 1; exactly one may win, and its change must be what is stored.
    let lostUpdates = 0;
    const raced = await pool(
      Array.from({ length: RACED_ITEMS }, (_, i) => i),
      CONCURRENCY,
      async (i) => String((await call('POST', '/items', { name: `raced ${run} ${i}` })).json.id),
    );
    await pool(raced, 4, async (id) => {
      const answers = await Promise.all(
        Array.from({ length: PUTS_PER_RACE }, (_, racer) =>
          call(
            'PUT',
            `/items/${id}`,
            { name: `raced by ${racer}`, description: `racer ${racer}` },
            { 'If-Match': '"1"' },
          ).then((answer) => ({ racer, answer })),
        ),
      );
      const winners = answers.filter(({ answer }) => answer.status === 200);
      const stored = await call('GET', `/items/${id}`);
      const winner = winners[0];
      const holds =
        winners.length === 1 &&
        winner !== undefined &&
        stored.json.description === `racer ${winner.racer}` &&
        stored.json.version === 2;
      if (!holds) lostUpdates++;
    });

    // 3. Reads of what was created, in parallel with nothing else.
    await pool(
      Array.from({ length: READS }, (_, i) => raced[i % raced.length] ?? ''),
      CONCURRENCY,
      (id) => call('GET', `/items/${id}`),
    );

    // 4. Paging: every acknowledged item must be reachable, once.
    const seen: Array<Record<string, unknown>> = [];
    let next: string | undefined;
    do {
      const page = await call(
        'GET',
        `/items?limit=${PAGE_LIMIT}${next === undefined ? '' : `&nextToken=${encodeURIComponent(next)}`}`,
      );
      if (page.status !== 200) throw new Error(`paging failed: ${page.status}`);
      seen.push(...((page.json.items as Array<Record<string, unknown>> | undefined) ?? []));
      next = typeof page.json.nextToken === 'string' ? page.json.nextToken : undefined;
    } while (next !== undefined);
    const names = seen.map((item) => String(item.name));
    const unreachable =
      keys.filter((key) => !names.includes(`keyed ${key}`)).length +
      raced.filter((id) => !seen.some((item) => item.id === id)).length;
    const duplicateItems = keys.reduce(
      (sum, key) => sum + Math.max(0, names.filter((name) => name === `keyed ${key}`).length - 1),
      0,
    );

    const enforced = idempotencyDeclared();
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const lost = lostUpdates + unreachable;
    console.log(
      `stress: ${latencies.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s against ${stack.baseUrl}`,
    );
    console.log(`  latency   p50 ${at(0.5).toFixed(1)} ms   p99 ${at(0.99).toFixed(1)} ms`);
    console.log(`  5xx       ${serverErrors}`);
    console.log(
      `  lost      ${lost} (${lostUpdates} PUT races without exactly one stored winner, ${unreachable} acknowledged items unreachable by paging)`,
    );
    console.log(
      `  duplicates ${duplicateItems} among ${KEYED_CREATES} keys sent ${SENDS_PER_KEY} times each${enforced ? '' : ' (not counted: the spec does not declare Idempotency-Key on createItem yet)'}`,
    );
    const failed = serverErrors > 0 || lost > 0 || (enforced && duplicateItems > 0);
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearTimeout(deadline);
    await stack.stop();
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

main().catch(async (error: unknown) => {
  console.error('stress failed:', error);
  await stopAll();
  process.exit(1);
});
