/**
 * dist/bench/runner.js: one cold start. Loads a bundle as the Lambda runtime would, answers one
 * getItem event, reports, and exits. With `-` for the bundle it loads nothing: node's own floor.
 * Usage: node runner.js <bundle|-> <events.json>
 */
import { performance } from 'node:perf_hooks';
import { type ColdStartSample, describeError, loadHandler, readOperations, report } from './protocol';

async function main(): Promise<void> {
  const [bundle = '-', eventsFile = ''] = process.argv.slice(2);
  const event = readOperations(eventsFile).find((operation) => operation.operationId === 'getItem')?.event;
  if (event === undefined) throw new Error(`no getItem event in ${eventsFile}`);
  const start = performance.now();
  const handler = bundle === '-' ? undefined : loadHandler(bundle);
  const loaded = performance.now();
  const loadedAtMicros = Number(process.hrtime.bigint() / 1000n);
  const response = handler === undefined ? { statusCode: 200 } : await handler(event);
  const answered = performance.now();
  const answeredAtMicros = Number(process.hrtime.bigint() / 1000n);
  const sample: ColdStartSample = {
    status: response.statusCode,
    inProcessMs: answered,
    requireMs: loaded - start,
    firstCallMs: answered - loaded,
    rssBytes: process.memoryUsage().rss,
    maxRssKiB: process.resourceUsage().maxRSS,
    loadedAtMicros,
    answeredAtMicros,
  };
  report(sample);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
