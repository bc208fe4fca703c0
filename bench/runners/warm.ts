/**
 * dist/bench/warm-runner.js: warm per-call cost of one variant, in a process of its own so no JIT
 * state is shared with another variant. Every operation is warmed up first (interleaved, as real
 * traffic is), then each is timed in batches of at least 100 ms; every answer's status is checked.
 * Usage: node --expose-gc warm-runner.js <bundle> <events.json> <warm-up calls> <timed calls> <batches>
 */

import { callsPerBatch, median } from '../stats';
import { describeError, loadHandler, readOperations, report, type WarmOperationResult } from './protocol';

const PROBE_CALLS = 500;

/**
 * Waits until stdout has written out what the bundle logged, outside the timed batches. The loops
 * never yield to the event loop, so a pipe's writes queue in memory; without this the backlog of
 * every earlier batch and operation (hundreds of MB) stays on the heap, and each operation is slower
 * the more lines the ones before it logged. Lambda's runtime turns the event loop between
 * invocations, so it never builds such a backlog.
 */
async function drainStdout(): Promise<void> {
  while (process.stdout.writableLength > 0) await new Promise((resolve) => setImmediate(resolve));
}

async function main(): Promise<void> {
  const [bundle = '', eventsFile = '', warmupArg = '2000', callsArg = '20000', batchesArg = '5'] =
    process.argv.slice(2);
  const handler = loadHandler(bundle);
  const operations = readOperations(eventsFile);
  const batches = Number(batchesArg);

  let warmupFailures = 0;
  for (let call = 0; call < Number(warmupArg); call++) {
    for (const { event, expectedStatus } of operations) {
      if ((await handler(event)).statusCode !== expectedStatus) warmupFailures++;
    }
  }

  await drainStdout();
  const results: WarmOperationResult[] = [];
  for (const { operationId, event, expectedStatus } of operations) {
    let failures = 0;
    let firstFailure: string | undefined;
    const batchMicros: number[] = [];
    const probeStart = process.hrtime.bigint();
    for (let call = 0; call < PROBE_CALLS; call++) await handler(event);
    const perBatch = callsPerBatch(
      Number(callsArg),
      batches,
      Number(process.hrtime.bigint() - probeStart) / 1000 / PROBE_CALLS,
    );
    for (let batch = 0; batch < batches; batch++) {
      await drainStdout();
      // Start each batch with a clean heap, so one batch's garbage is not collected on another's clock.
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      for (let call = 0; call < perBatch; call++) {
        const response = await handler(event);
        if (response.statusCode !== expectedStatus) {
          failures++;
          firstFailure ??= `${response.statusCode} ${response.body.slice(0, 300)}`;
        }
      }
      batchMicros.push(Number(process.hrtime.bigint() - start) / 1000 / perBatch);
    }
    results.push({
      operationId,
      calls: perBatch * batches,
      batchMicros,
      medianMicros: median(batchMicros),
      failures,
      ...(firstFailure !== undefined && { firstFailure }),
    });
  }
  report({
    operations: results,
    warmupFailures,
    rssBytes: process.memoryUsage().rss,
    maxRssKiB: process.resourceUsage().maxRSS,
  });
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
