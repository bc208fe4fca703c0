/**
 * `npm run bench` (issue 6): builds our Lambda, the hand-written baseline and openapi-backend twice
 * (its default options, and `quick: true`, its fastest documented start-up), each bundled the way
 * the shipped artifact is, and prints cold start, warm cost per operation, bundle size and peak
 * RSS, each against the baseline; then routing cost as the spec grows and the DynamoDB cost of a
 * list page as the table grows, and the DynamoDB units of every operation (bench/capacity.ts). The
 * same figures go to dist/bench.json. Goals are reported PASS or MISS; the run never fails on them.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { build } from 'esbuild';
import spec from '../generated/openapi.json';
import { buildLambda, LAMBDA_BUILD_OPTIONS, LAMBDA_SHIPPED_OPTIONS } from '../scripts/build';
import { type CapacityReport, formatCapacity, measureCapacity } from './capacity';
import { CHILD_NODE, runNode } from './child-process';
import { type ColdProfile, formatProfile, profileColdStart } from './cold-profile';
import { type ColdStartFigures, measureColdStarts } from './cold-start';
import { measureListing } from './dynamodb-listing';
import { benchMediaOperations, benchOperations, rejectionOperations } from './events';
import { formatMemorySizes, type MemorySizesReport, measureMemorySizes } from './memory-sizes';
import {
  type BenchReport,
  check,
  figuresOf,
  type GoalCheck,
  printReport,
  type RoutingReport,
  ratiosOf,
  type Settings,
  type Skipped,
  type VariantReport,
} from './report';
import { measureRoutingScaling } from './routing-scaling';
import type { WarmResult } from './runners/protocol';
import { formatSdk, measureSdk, type SdkReport, sdkGoals } from './sdk';
import { MIN_BATCH_MS } from './stats';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist/bench');
const REPORT_FILE = path.join(ROOT, 'dist/bench.json');

const SETTINGS: Settings = {
  coldRounds: 15,
  warmupCalls: 2_000,
  timedCalls: 20_000,
  batches: 5,
  minBatchMs: MIN_BATCH_MS,
  scaledSizes: [50, 200],
};
// Issue 15: below the hand-written seed, which keeps the default SDK set-up.
const GOALS = { coldStart: 0.85, warmPerOperation: 2, bundle: 0.9, routingAt200: 1.2 };

interface Variant {
  readonly name: string;
  /** What the variant is, for the report: which wiring or options it runs with. */
  readonly description: string;
  /** The bench entry; its bundle goes to dist/bench/<entry's base name>/index.js. */
  readonly entry: string;
  /** The file whose size is reported, when not the bench bundle itself. */
  readonly shipped?: () => Promise<string>;
  /** Bundled with the shipped SDK cuts (ours only: the others keep the SDK set-up the seeds use). */
  readonly sdkCuts?: boolean;
}

const BASELINE = 'hand-written';
/** The cold-start row of node running the runner alone: the floor no variant can go below. */
const NODE_FLOOR = 'node (no bundle)';
const VARIANTS: readonly Variant[] = [
  {
    name: BASELINE,
    description: 'a switch on method and resource, no validation',
    entry: 'bench/entries/hand-written.ts',
  },
  {
    name: 'ours',
    description: 'the shipped Lambda: precompiled validators, routing by the gateway resource',
    entry: 'bench/entries/ours.ts',
    sdkCuts: true,
    shipped: async () => path.join(await buildLambda(), 'index.js'),
  },
  {
    name: 'openapi-backend (default)',
    description: 'default options: init() checks the document and compiles every validator',
    entry: 'bench/entries/openapi-backend.ts',
  },
  {
    name: 'openapi-backend (quick)',
    description: 'quick: true: no document check, validators compiled per operation on first use',
    entry: 'bench/entries/openapi-backend-quick.ts',
  },
];

/**
 * Ours again, warm only, with the one line per request turned off: the handler's own cost, so the
 * report shows beside it what the access/EMF line costs. Same bundle; only the child's environment
 * differs (bench/entries/ours.ts passes METRICS_DISABLED on to the config).
 */
const WITHOUT_LINE = {
  name: 'ours (no access line)',
  description: 'ours with LOG_LEVEL=warn and METRICS_DISABLED=true: no access line, no EMF (warm only)',
  env: { LOG_LEVEL: 'warn', METRICS_DISABLED: 'true' },
} as const;

/**
 * The baseline with the line a request writes (bench/entries/hand-written-logged.ts), warm only:
 * ours writes one access/EMF line per request (issue 13), the plain baseline none. The first row
 * builds the line per request as a hand-written handler would, the reference for reading ours like
 * for like; the second writes a constant line of the same length, what the write alone costs.
 */
const LOGGED_BASELINE = {
  name: 'hand-written + access line',
  description: 'the baseline writing the same access/EMF line, one JSON.stringify per request (warm only)',
  entry: 'bench/entries/hand-written-logged.ts',
} as const;
const WRITE_FLOOR = {
  name: 'hand-written + constant line',
  description: 'the baseline writing a line of that length serialised once: the write alone (warm only)',
  env: { BENCH_LINE: 'constant' },
} as const;

const RUNNERS = {
  coldStart: { entry: 'bench/runners/cold-start.ts', outfile: path.join(OUT, 'runner.js') },
  warm: { entry: 'bench/runners/warm.ts', outfile: path.join(OUT, 'warm-runner.js') },
  routing: { entry: 'bench/runners/routing.ts', outfile: path.join(OUT, 'routing-runner.js') },
};

interface Built {
  readonly variant: Variant;
  readonly bundle?: string;
  readonly sizedFile?: string;
  readonly errors: readonly string[];
}

/** `npm run bench -- --profile-only`: build and print the cold-start profile, nothing else. */
const PROFILE_ONLY = process.argv.includes('--profile-only');
const PROFILE_RUNS = 8;
/** `npm run bench -- --capacity`: the capacity benchmark alone (issue 22), kept in dist/bench.json. */
const CAPACITY_ONLY = process.argv.includes('--capacity');

async function main(): Promise<void> {
  if (CAPACITY_ONLY) {
    const capacity = await measureCapacityReport();
    const previous: unknown = await readFile(REPORT_FILE, 'utf8').then(JSON.parse, () => ({}));
    await mkdir(path.dirname(REPORT_FILE), { recursive: true });
    await writeFile(REPORT_FILE, `${JSON.stringify({ ...(previous as object), capacity }, null, 2)}\n`);
    printCapacity(capacity);
    return;
  }
  if (PROFILE_ONLY) {
    await mkdir(OUT, { recursive: true });
    await buildRunner(RUNNERS.coldStart.entry, RUNNERS.coldStart.outfile);
    const eventsFile = path.join(OUT, 'events.json');
    await writeFile(eventsFile, JSON.stringify(benchOperations()));
    const profile = await measureProfile(eventsFile);
    console.log(('skipped' in profile ? [profile.skipped] : formatProfile(profile)).join('\n'));
    return;
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: await childNodeVersion(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGiB: os.totalmem() / 2 ** 30,
  };
  await mkdir(OUT, { recursive: true });

  step('building bundles');
  await Promise.all(Object.values(RUNNERS).map(({ entry, outfile }) => buildRunner(entry, outfile)));
  const ourRouter = await buildOurRouter();
  const built = await Promise.all(VARIANTS.map(buildVariant));
  const logged = await buildVariant(LOGGED_BASELINE);
  for (const error of logged.errors) step(`  ${LOGGED_BASELINE.name}: ${error}`);
  for (const { variant, errors } of built) for (const error of errors) step(`  ${variant.name}: ${error}`);

  const eventsFile = path.join(OUT, 'events.json');
  const operations = benchOperations();
  await writeFile(eventsFile, JSON.stringify(operations));

  const runnable = built.flatMap(({ variant, bundle }) =>
    bundle === undefined ? [] : [{ name: variant.name, bundle }],
  );
  step(`cold start: ${SETTINGS.coldRounds} rounds of ${runnable.length + 1} fresh processes`);
  const cold = await measureColdStarts(
    RUNNERS.coldStart.outfile,
    eventsFile,
    [...runnable, { name: NODE_FLOOR, bundle: '-' }],
    SETTINGS.coldRounds,
  );

  const warm = new Map<string, WarmResult | { error: string }>();
  for (const { name, bundle } of runnable) {
    step(`warm: ${name}`);
    warm.set(name, await measureWarm(bundle, eventsFile));
  }
  const ours = runnable.find(({ name }) => name === 'ours');
  step(`warm: ${WITHOUT_LINE.name}`);
  const withoutLine =
    ours === undefined
      ? { error: 'our bundle did not build' }
      : await measureWarm(ours.bundle, eventsFile, { ...process.env, ...WITHOUT_LINE.env });

  const measureLogged = async (env?: NodeJS.ProcessEnv): Promise<WarmResult | { error: string }> =>
    logged.bundle === undefined
      ? { error: 'the logged baseline did not build' }
      : measureWarm(logged.bundle, eventsFile, env);
  step(`warm: ${LOGGED_BASELINE.name}`);
  const loggedWarm = await measureLogged();
  step(`warm: ${WRITE_FLOOR.name}`);
  const floorWarm = await measureLogged({ ...process.env, ...WRITE_FLOOR.env });

  step(`cold-start profile: ${PROFILE_RUNS} profiled processes of the shipped Lambda`);
  const profile = await measureProfile(eventsFile);
  const rejectionsFile = path.join(OUT, 'rejections.json');
  await writeFile(rejectionsFile, JSON.stringify(rejectionOperations()));
  step('warm: ours, rejection path');
  const rejection =
    ours === undefined
      ? { error: 'our bundle did not build' }
      : await measureWarm(ours.bundle, rejectionsFile);

  step('routing scaling');
  const routing = await measureRouting(
    ourRouter,
    operations.find((op) => op.operationId === 'replaceItem')?.event,
  );

  step('warm: ours, media operations');
  const mediaWarm = await measureMediaWarm();

  step('memory sizes: ours under Lambda heap flags and a CPU quota per size');
  const memorySizes: MemorySizesReport | Skipped =
    ours === undefined
      ? { skipped: 'our bundle did not build' }
      : await measureMemorySizes({
          coldRunner: RUNNERS.coldStart.outfile,
          warmRunner: RUNNERS.warm.outfile,
          bundle: ours.bundle,
          eventsFile,
          workDir: OUT,
        }).catch((error: unknown): Skipped => ({ skipped: message(error) }));

  step('DynamoDB listing cost (DynamoDB Local)');
  const dynamodb = await measureListing().catch((error: unknown): Skipped => ({ skipped: message(error) }));

  step('DynamoDB capacity per operation (DynamoDB Local)');
  const capacity = await measureCapacityReport();

  step('client SDK: size and per-call time against bare openapi-fetch');
  const sdk: SdkReport | Skipped = await measureSdk().catch(
    (error: unknown): Skipped => ({ skipped: message(error) }),
  );

  const variants = [
    ...(await Promise.all(
      built.map((b) => variantReport(b, cold.get(b.variant.name), warm.get(b.variant.name))),
    )),
    warmOnlyReport(WITHOUT_LINE, withoutLine),
    warmOnlyReport(LOGGED_BASELINE, loggedWarm),
    warmOnlyReport(WRITE_FLOOR, floorWarm),
  ];
  const base = variants.find((v) => v.name === BASELINE)?.figures ?? {};
  const compared = variants.map((v) => ({ ...v, ratios: ratiosOf(v.figures, base) }));
  const floor = cold.get(NODE_FLOOR);
  const report: BenchReport = {
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    settings: SETTINGS,
    baseline: BASELINE,
    variants: compared,
    ...(floor !== undefined && { nodeFloor: floor }),
    goals: [...goals(compared, routing), ...('skipped' in sdk ? [] : sdkGoals(sdk))],
    routing,
    dynamodb,
    profile,
  };
  const rejectionPath = rejectionReport(rejection);
  await writeFile(
    REPORT_FILE,
    `${JSON.stringify({ ...report, rejectionPath, mediaWarm, memorySizes, sdk, capacity }, null, 2)}\n`,
  );
  console.log('');
  printReport(report);
  printRejectionPath(rejectionPath);
  printMediaWarm(mediaWarm);
  console.log(
    `\n${'skipped' in memorySizes ? `Memory sizes: skipped (${memorySizes.skipped})` : formatMemorySizes(memorySizes).join('\n')}`,
  );
  printCapacity(capacity);
  console.log(`\n${'skipped' in sdk ? `Client SDK: skipped (${sdk.skipped})` : formatSdk(sdk).join('\n')}`);
  console.log(
    `\nWrote ${path.relative(ROOT, REPORT_FILE)}; run took ${report.durationSeconds.toFixed(0)} s.`,
  );
}

function measureCapacityReport(): Promise<CapacityReport | Skipped> {
  return measureCapacity().catch((error: unknown): Skipped => ({ skipped: message(error) }));
}

function printCapacity(capacity: CapacityReport | Skipped): void {
  console.log(
    `\n${'skipped' in capacity ? `Capacity: skipped (${capacity.skipped})` : formatCapacity(capacity).join('\n')}`,
  );
}

/** Issue 12: the media operations' warm cost, ours only (bench/entries/ours-media.ts). */
async function measureMediaWarm(): Promise<WarmResult | { error: string }> {
  const outfile = path.join(OUT, 'ours-media', 'index.js');
  const eventsFile = path.join(OUT, 'media-events.json');
  try {
    await build({
      ...LAMBDA_SHIPPED_OPTIONS,
      entryPoints: [path.join(ROOT, 'bench/entries/ours-media.ts')],
      outfile,
    });
    await writeFile(eventsFile, JSON.stringify(benchMediaOperations()));
  } catch (error) {
    return { error: message(error) };
  }
  return measureWarm(outfile, eventsFile);
}

function printMediaWarm(result: WarmResult | { error: string }): void {
  console.log(
    '\nWarm µs per call, media operations (ours only: the other variants have none; presigning included)',
  );
  if ('error' in result) {
    console.log(`  failed: ${result.error}`);
    return;
  }
  for (const operation of result.operations) {
    const failed =
      operation.failures > 0 ? `  (${operation.failures} failed: ${operation.firstFailure ?? ''})` : '';
    console.log(
      `  ${operation.operationId.padEnd(18)} ${operation.medianMicros.toFixed(2).padStart(8)}${failed}`,
    );
  }
}

/** The shipped Lambda built again with a source map beside it, so samples map back to packages. */
async function measureProfile(eventsFile: string): Promise<ColdProfile | Skipped> {
  const bundle = path.join(OUT, 'profile', 'index.js');
  try {
    // Whitespace kept (identifiers and syntax still minified): line numbers then tell apart the
    // scope-hoisted modules that run in the bundle's one top-level function.
    await build({
      ...LAMBDA_SHIPPED_OPTIONS,
      minify: false,
      minifyIdentifiers: true,
      minifySyntax: true,
      sourcemap: true,
      outfile: bundle,
    });
    return await profileColdStart({
      runner: RUNNERS.coldStart.outfile,
      eventsFile,
      bundle,
      workDir: path.join(OUT, 'profiles'),
      runs: PROFILE_RUNS,
    });
  } catch (error) {
    return { skipped: `profile failed: ${message(error)}` };
  }
}

async function childNodeVersion(): Promise<string> {
  const { line } = await runNode(['-p', 'process.version'], 30_000);
  return `${line.trim()} (${CHILD_NODE === process.execPath ? 'this process' : CHILD_NODE}); bench driver ${process.version}`;
}

/** Goal (issue 11): a request refused by validation costs no more than twice a successful getItem. */
const REJECTION_GOAL = 2;

interface RejectionPath {
  readonly getItemMicros?: number;
  readonly rejectedMicros?: number;
  readonly ratio?: number;
  readonly error?: string;
}

function rejectionReport(result: WarmResult | { error: string }): RejectionPath {
  if ('error' in result) return { error: result.error };
  const micros = (id: string) =>
    result.operations.find(({ operationId }) => operationId === id)?.medianMicros;
  const getItemMicros = micros('getItem');
  const rejectedMicros = micros('createItem (rejected)');
  const failures = result.operations.reduce((sum, { failures }) => sum + failures, 0);
  return {
    ...(getItemMicros !== undefined && { getItemMicros }),
    ...(rejectedMicros !== undefined && { rejectedMicros }),
    ...(getItemMicros !== undefined &&
      rejectedMicros !== undefined && { ratio: rejectedMicros / getItemMicros }),
    ...(failures > 0 && { error: `${failures} answers had an unexpected status` }),
  };
}

function printRejectionPath({ getItemMicros, rejectedMicros, ratio, error }: RejectionPath): void {
  console.log('\nRejection path (ours; same process, median of batches)');
  if (error !== undefined) console.log(`  ${error}`);
  if (getItemMicros === undefined || rejectedMicros === undefined || ratio === undefined) return;
  console.log(`  getItem (200)                 ${getItemMicros.toFixed(2)} µs`);
  console.log(
    `  createItem rejected (400)     ${rejectedMicros.toFixed(2)} µs  ${ratio.toFixed(2)}x getItem  ${ratio <= REJECTION_GOAL ? 'PASS' : 'MISS'} (goal <= ${REJECTION_GOAL}x)`,
  );
}

function buildRunner(entry: string, outfile: string): Promise<unknown> {
  return build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
}

/** Every bench bundle is built as the shipped one (ours with its SDK cuts); only the entry and output differ. */
async function buildVariant(variant: Variant): Promise<Built> {
  const outfile = path.join(OUT, path.basename(variant.entry, '.ts'), 'index.js');
  const errors: string[] = [];
  const bundle = await build({
    ...(variant.sdkCuts === true ? LAMBDA_SHIPPED_OPTIONS : LAMBDA_BUILD_OPTIONS),
    entryPoints: [path.join(ROOT, variant.entry)],
    outfile,
  }).then(
    () => outfile,
    (error: unknown) => {
      errors.push(`build of ${variant.entry} failed: ${message(error)}`);
      return undefined;
    },
  );
  const sizedFile =
    variant.shipped === undefined
      ? bundle
      : await variant.shipped().catch((error: unknown) => {
          errors.push(`build of the shipped bundle failed: ${message(error)}`);
          return undefined;
        });
  return {
    variant,
    ...(bundle !== undefined && { bundle }),
    ...(sizedFile !== undefined && { sizedFile }),
    errors,
  };
}

/**
 * compileRouter (scripts/request-router/compile.ts) bundled on its own, so a routing runner
 * can load it without this file importing it: while it is missing, scaling still runs for openapi-backend.
 */
async function buildOurRouter(): Promise<string | Skipped> {
  const outfile = path.join(OUT, 'request-router.js');
  try {
    await build({
      stdin: {
        contents: "export { compileRouter } from './scripts/request-router/compile';",
        resolveDir: ROOT,
        loader: 'ts',
        sourcefile: 'bench-request-router.ts',
      },
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
    });
    return outfile;
  } catch (error) {
    // esbuild's message opens with "Build failed with 1 error:"; the reason is its last line.
    const reason = message(error).trim().split('\n').at(-1) ?? '';
    return { skipped: `compileRouter not available (${reason})` };
  }
}

async function measureWarm(
  bundle: string,
  eventsFile: string,
  env?: NodeJS.ProcessEnv,
): Promise<WarmResult | { error: string }> {
  const { warmupCalls, timedCalls, batches } = SETTINGS;
  try {
    const { line } = await runNode(
      [
        '--expose-gc',
        RUNNERS.warm.outfile,
        bundle,
        eventsFile,
        String(warmupCalls),
        String(timedCalls),
        String(batches),
      ],
      600_000,
      env === undefined ? {} : { env },
    );
    // The runner's own report line (bench/runners/warm.ts).
    return JSON.parse(line) as WarmResult;
  } catch (error) {
    return { error: message(error) };
  }
}

async function measureRouting(
  ourRouter: string | Skipped,
  event: APIGatewayProxyEvent | undefined,
): Promise<RoutingReport | Skipped> {
  if (event === undefined) return { skipped: 'no replaceItem event' };
  if (typeof ourRouter !== 'string') step(`  ours skipped: ${ourRouter.skipped}`);
  const workDir = path.join(OUT, 'routing');
  await mkdir(workDir, { recursive: true });
  const measured = await measureRoutingScaling({
    runner: RUNNERS.routing.outfile,
    workDir,
    ourRouterModule: typeof ourRouter === 'string' ? ourRouter : undefined,
    spec,
    event,
    scaledSizes: SETTINGS.scaledSizes,
    calls: SETTINGS.timedCalls,
    batches: SETTINGS.batches,
  });
  return {
    ...measured,
    ...(typeof ourRouter !== 'string' && { oursSkipped: ourRouter.skipped }),
  };
}

async function variantReport(
  { variant, bundle, sizedFile, errors }: Built,
  coldStart: ColdStartFigures | undefined,
  warm: WarmResult | { error: string } | undefined,
): Promise<Omit<VariantReport, 'ratios'>> {
  const bundleBytes = sizedFile === undefined ? undefined : (await stat(sizedFile)).size;
  const timedBytes = bundle === undefined || bundle === sizedFile ? undefined : (await stat(bundle)).size;
  const warmResult = warm === undefined || 'error' in warm ? undefined : warm;
  const allErrors = [
    ...errors,
    ...(coldStart?.error !== undefined ? [`cold start: ${coldStart.error}`] : []),
    ...(coldStart !== undefined && coldStart.non200 > 0
      ? [`cold start: ${coldStart.non200} answers were not 200`]
      : []),
    ...(warm !== undefined && 'error' in warm ? [`warm: ${warm.error}`] : []),
    ...(warmResult !== undefined && warmResult.warmupFailures > 0
      ? [`warm: ${warmResult.warmupFailures} warm-up calls had an unexpected status`]
      : []),
  ];
  return {
    name: variant.name,
    description: variant.description,
    ...(sizedFile !== undefined && { bundleFile: path.relative(ROOT, sizedFile) }),
    ...(bundleBytes !== undefined && { bundleBytes }),
    ...(timedBytes !== undefined &&
      bundle !== undefined && { timedBundleFile: path.relative(ROOT, bundle), timedBundleBytes: timedBytes }),
    errors: allErrors,
    ...(coldStart !== undefined && { coldStart }),
    ...(warmResult !== undefined && { warm: warmResult }),
    figures: figuresOf(coldStart, warmResult, bundleBytes),
  };
}

/** A row with warm figures alone (no cold start, no bundle of its own). */
function warmOnlyReport(
  { name, description }: { readonly name: string; readonly description: string },
  warm: WarmResult | { error: string },
): Omit<VariantReport, 'ratios'> {
  if ('error' in warm) return { name, description, errors: [`warm: ${warm.error}`], figures: {} };
  return {
    name,
    description,
    errors:
      warm.warmupFailures > 0 ? [`warm: ${warm.warmupFailures} warm-up calls had an unexpected status`] : [],
    warm,
    figures: figuresOf(undefined, warm, undefined),
  };
}

/** Rows that measure the baseline itself: references, not candidates for a goal. */
const REFERENCES = new Set<string>([BASELINE, LOGGED_BASELINE.name, WRITE_FLOOR.name]);

function goals(variants: readonly VariantReport[], routing: RoutingReport | Skipped): GoalCheck[] {
  const checks: GoalCheck[] = [];
  for (const { name, ratios } of variants.filter((v) => !REFERENCES.has(v.name))) {
    const warmOnly = name === WITHOUT_LINE.name;
    if (!warmOnly) checks.push(check('cold start', GOALS.coldStart, name, ratios.coldStart));
    for (const [operationId, ratio] of Object.entries(ratios.warm ?? {})) {
      checks.push(check(`warm ${operationId}`, GOALS.warmPerOperation, name, ratio));
    }
    if (!warmOnly) checks.push(check('bundle size', GOALS.bundle, name, ratios.bundle));
  }
  // Like for like: ours and the baseline both writing the line each request writes.
  const ours = variants.find((v) => v.name === 'ours')?.figures.warmMicros;
  const reference = variants.find((v) => v.name === LOGGED_BASELINE.name)?.figures.warmMicros;
  for (const [operationId, micros] of Object.entries(ours ?? {})) {
    const base = reference?.[operationId];
    checks.push(
      check(
        `warm ${operationId}, both writing the line`,
        GOALS.warmPerOperation,
        `ours vs ${LOGGED_BASELINE.name}`,
        base === undefined ? undefined : micros / base,
      ),
    );
  }
  if (!('skipped' in routing)) {
    for (const router of Object.keys(routing.ratios)) {
      checks.push(
        check(
          'routing, 200 ops vs our spec',
          GOALS.routingAt200,
          router,
          routing.ratios[router]?.['200 ops'],
        ),
      );
    }
  }
  return checks;
}

function step(text: string): void {
  console.log(`[bench] ${text}`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
