/** The benchmark's figures as one JSON document and as the tables `npm run bench` prints. */
import { type ColdProfile, formatProfile } from './cold-profile';
import type { ColdStartFigures } from './cold-start';
import type { ListingReport } from './dynamodb-listing';
import { OUR_SPEC_LABEL, type RoutingScaling } from './routing-scaling';
import type { WarmResult } from './runners/protocol';
import { geometricMean } from './stats';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly os: string;
  readonly memoryGiB: number;
}

/** The headline figures of one variant, and each one's ratio to the baseline's. */
export interface Figures {
  readonly coldStartMs?: number;
  /** Median µs per call, by operationId. */
  readonly warmMicros?: Readonly<Record<string, number>>;
  /** Geometric mean over the operations. */
  readonly warmMeanMicros?: number;
  readonly bundleKiB?: number;
  readonly peakRssMiB?: number;
}

export interface Ratios {
  readonly coldStart?: number;
  readonly warm?: Readonly<Record<string, number>>;
  readonly warmMean?: number;
  readonly bundle?: number;
  readonly peakRss?: number;
}

export interface VariantReport {
  readonly name: string;
  /** Which wiring or options the variant runs with. */
  readonly description: string;
  /** The file whose size is reported (for ours, the shipped dist/lambda/index.js). */
  readonly bundleFile?: string;
  readonly bundleBytes?: number;
  /** The file timed, when not the one sized. */
  readonly timedBundleFile?: string;
  readonly timedBundleBytes?: number;
  readonly errors: readonly string[];
  readonly coldStart?: ColdStartFigures;
  readonly warm?: WarmResult;
  readonly figures: Figures;
  readonly ratios: Ratios;
}

export interface GoalCheck {
  readonly goal: string;
  readonly limit: number;
  readonly variant: string;
  readonly ratio?: number;
  readonly verdict: 'PASS' | 'MISS' | 'n/a';
}

export type Skipped = { readonly skipped: string };

export interface RoutingReport extends RoutingScaling {
  /** Why our router was not measured, when it was not. */
  readonly oursSkipped?: string;
}

export interface Settings {
  readonly coldRounds: number;
  /** Rounds of all six operations before any is timed. */
  readonly warmupCalls: number;
  /** At least this many timed calls per operation (and per routing measurement)… */
  readonly timedCalls: number;
  readonly batches: number;
  /** …and at least this long per batch. */
  readonly minBatchMs: number;
  readonly scaledSizes: readonly number[];
}

export interface BenchReport {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly settings: Settings;
  readonly baseline: string;
  readonly variants: readonly VariantReport[];
  /** Cold start of node running the runner with no bundle: the part no variant can remove. */
  readonly nodeFloor?: ColdStartFigures;
  readonly goals: readonly GoalCheck[];
  readonly routing: RoutingReport | Skipped;
  readonly dynamodb: ListingReport | Skipped;
  /** Where the shipped Lambda's cold start goes, by package (bench/cold-profile.ts). */
  readonly profile?: ColdProfile | Skipped;
}

export function figuresOf(coldStart?: ColdStartFigures, warm?: WarmResult, bundleBytes?: number): Figures {
  const coldStartMs =
    coldStart !== undefined && coldStart.samples.length > 0 ? coldStart.medianWallMs : undefined;
  const warmMicros =
    warm === undefined
      ? undefined
      : Object.fromEntries(warm.operations.map((op) => [op.operationId, op.medianMicros]));
  return {
    ...(coldStartMs !== undefined && { coldStartMs }),
    ...(warmMicros !== undefined && { warmMicros, warmMeanMicros: geometricMean(Object.values(warmMicros)) }),
    ...(bundleBytes !== undefined && { bundleKiB: bundleBytes / 1024 }),
    ...(warm !== undefined && { peakRssMiB: warm.maxRssKiB / 1024 }),
  };
}

export function ratiosOf(figures: Figures, base: Figures): Ratios {
  const ratio = (value?: number, reference?: number): number | undefined =>
    value === undefined || reference === undefined || reference === 0 ? undefined : value / reference;
  const warm: Record<string, number> = {};
  for (const [operationId, micros] of Object.entries(figures.warmMicros ?? {})) {
    const value = ratio(micros, base.warmMicros?.[operationId]);
    if (value !== undefined) warm[operationId] = value;
  }
  const entries = {
    coldStart: ratio(figures.coldStartMs, base.coldStartMs),
    warmMean: ratio(figures.warmMeanMicros, base.warmMeanMicros),
    bundle: ratio(figures.bundleKiB, base.bundleKiB),
    peakRss: ratio(figures.peakRssMiB, base.peakRssMiB),
  };
  return {
    ...Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)),
    ...(Object.keys(warm).length > 0 && { warm }),
  };
}

export function check(goal: string, limit: number, variant: string, ratio: number | undefined): GoalCheck {
  const verdict = ratio === undefined || Number.isNaN(ratio) ? 'n/a' : ratio <= limit ? 'PASS' : 'MISS';
  return { goal, limit, variant, ...(ratio !== undefined && { ratio }), verdict };
}

export function printReport(report: BenchReport): void {
  const { machine } = report;
  const out: string[] = [];
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, node ${machine.node}, ${machine.os}`,
  );
  const { settings } = report;
  out.push(
    `Settings: cold start = median of ${settings.coldRounds} fresh processes per variant, variants interleaved; warm = median of ${settings.batches} batches (>= ${settings.timedCalls} calls per operation, >= ${settings.minBatchMs} ms per batch) after ${settings.warmupCalls} warm-up rounds; ratios against ${report.baseline}.`,
  );

  out.push('', 'Summary');
  out.push(
    table(
      ['variant', 'cold ms', 'x', 'warm µs/op', 'x', 'bundle KiB', 'x', 'peak RSS MiB', 'x'],
      report.variants.map(({ name, figures, ratios }) => [
        name,
        num(figures.coldStartMs, 1),
        times(ratios.coldStart),
        num(figures.warmMeanMicros, 2),
        times(ratios.warmMean),
        num(figures.bundleKiB, 1),
        times(ratios.bundle),
        num(figures.peakRssMiB, 1),
        times(ratios.peakRss),
      ]),
    ),
  );
  out.push(
    'warm µs/op: geometric mean of the six operations; peak RSS: maxRSS of the warm process after its loop.',
    ...report.variants.map(({ name, description }) => `  ${name}: ${description}`),
  );

  out.push('', 'Cold start (process start -> first getItem response), medians');
  const coldRows = report.variants.flatMap(({ name, coldStart }) =>
    coldStart === undefined ? [] : ([[name, coldStart]] as const),
  );
  if (report.nodeFloor !== undefined) coldRows.push(['node, no bundle (floor)', report.nodeFloor]);
  out.push(
    table(
      [
        'variant',
        'spawn->answer ms',
        'min',
        'max',
        'in-process ms',
        'require ms',
        '1st call ms',
        'maxRSS MiB',
        'samples',
        'non-200',
      ],
      coldRows.map(([name, cold]) => {
        const walls = cold.samples.map((s) => s.wallMs);
        return [
          name,
          num(cold.medianWallMs, 1),
          num(walls.length > 0 ? Math.min(...walls) : undefined, 1),
          num(walls.length > 0 ? Math.max(...walls) : undefined, 1),
          num(cold.medianInProcessMs, 1),
          num(cold.medianRequireMs, 1),
          num(cold.medianFirstCallMs, 2),
          num(cold.medianMaxRssKiB / 1024, 1),
          String(cold.samples.length),
          String(cold.non200),
        ];
      }),
    ),
  );

  const operationIds = report.variants.flatMap((v) => v.warm?.operations.map((op) => op.operationId) ?? []);
  const columns = [...new Set(operationIds)];
  out.push('', 'Warm µs per call (median of batches), ratio to baseline');
  out.push(
    table(
      ['variant', ...columns, 'failed calls'],
      report.variants.map(({ name, warm, ratios }) => [
        name,
        ...columns.map((id) => {
          const op = warm?.operations.find((o) => o.operationId === id);
          if (op === undefined) return '-';
          const mark = op.failures > 0 ? '!' : '';
          return `${op.medianMicros.toFixed(2)}${mark} (${times(ratios.warm?.[id])})`;
        }),
        warm === undefined
          ? '-'
          : String(warm.warmupFailures + warm.operations.reduce((sum, op) => sum + op.failures, 0)),
      ]),
    ),
  );

  out.push('', 'Goals (ratio to baseline; reported, never failing the run)');
  out.push(
    table(
      ['goal', 'limit', 'variant', 'ratio', 'verdict'],
      report.goals.map((g) => [g.goal, `<= ${g.limit}x`, g.variant, times(g.ratio), g.verdict]),
    ),
  );

  out.push('', 'Routing scaling: route + validate one PUT to the operation in the middle of the spec');
  if ('skipped' in report.routing) {
    out.push(`skipped: ${report.routing.skipped}`);
  } else {
    const { sizes, routers, ratios, oursSkipped } = report.routing;
    if (oursSkipped !== undefined) out.push(`skipped: ${oursSkipped}; openapi-backend only`);
    const scaled = sizes.filter((size) => size.label !== OUR_SPEC_LABEL);
    out.push(
      table(
        [
          'router',
          ...sizes.map(
            (size) => `${size.label === OUR_SPEC_LABEL ? `ours (${size.operations} ops)` : size.label} µs`,
          ),
          ...scaled.map((size) => `${size.operations}/ours`),
          ...sizes.map((size) => `build ms ${size.operations}`),
        ],
        routers.map(({ router, results }) => [
          router,
          ...sizes.map(({ label }) => {
            const result = results[label];
            if (result === undefined || 'error' in result) return 'error';
            return `${result.medianMicros.toFixed(2)}${result.failures > 0 ? '!' : ''}`;
          }),
          ...scaled.map(({ label }) => times(ratios[router]?.[label])),
          ...sizes.map(({ label }) => {
            const result = results[label];
            return result === undefined || 'error' in result ? '-' : result.buildMs.toFixed(0);
          }),
        ]),
      ),
    );
    out.push(
      'ours: with the resource API Gateway matched (as the Lambda runs); ours-path-only: matching the path itself. build ms: compiling the router in the process (ours ships precompiled validators instead).',
    );
    for (const { router, results } of routers) {
      for (const [label, result] of Object.entries(results)) {
        if ('error' in result) out.push(`  ${router} @ ${label}: ${result.error}`);
        else if (result.failures > 0)
          out.push(
            `  ${router} @ ${label}: ${result.failures} failed calls, e.g. ${result.firstFailure ?? ''}`,
          );
      }
    }
  }

  out.push('', 'DynamoDB: one list page of 20 (Limit 21), DynamoDB Local');
  if ('skipped' in report.dynamodb) {
    out.push(`skipped: ${report.dynamodb.skipped}`);
  } else {
    const { stages, queryBuiltBy, loadSeconds } = report.dynamodb;
    out.push(
      table(
        ['caller items', 'table items', 'filter', 'ScannedCount', 'Count', 'ConsumedCapacity (RCU)'],
        stages.flatMap((stage) =>
          stage.pages.map((page) => [
            String(stage.ownerItems),
            String(stage.tableItems),
            page.filter,
            String(page.scannedCount ?? '-'),
            String(page.count ?? '-'),
            String(page.consumedCapacity),
          ]),
        ),
      ),
    );
    out.push(
      `query: ${queryBuiltBy === 'listQueryInput' ? "the repository's listQueryInput" : 'replicated from DynamoDbItemRepository.list (it exports no listQueryInput)'}; items loaded in ${loadSeconds.toFixed(1)} s.`,
    );
  }

  if (report.profile !== undefined) {
    out.push(
      '',
      'Cold-start profile: the shipped Lambda answering getItem through its SDK client (stand-in endpoint, Lambda environment)',
    );
    if ('skipped' in report.profile) out.push(`skipped: ${report.profile.skipped}`);
    else {
      const { runs, intervalMicros, medianRequireMs, medianFirstCallMs } = report.profile;
      out.push(
        `--cpu-prof every ${intervalMicros} µs, mean over ${runs} processes; under the profiler: require ${medianRequireMs.toFixed(1)} ms, first request ${medianFirstCallMs.toFixed(1)} ms (medians).`,
        ...formatProfile(report.profile),
      );
    }
  }

  const problems = report.variants.flatMap(({ name, errors, warm }) => [
    ...errors.map((error) => `${name}: ${error}`),
    ...(warm?.operations ?? [])
      .filter((op) => op.failures > 0)
      .map(
        (op) =>
          `${name}: ${op.operationId} failed ${op.failures} of ${op.calls} calls, e.g. ${op.firstFailure ?? ''}`,
      ),
  ]);
  if (problems.length > 0)
    out.push(
      '',
      'Problems (figures marked ! or missing are not meaningful):',
      ...problems.map((p) => `  ${p}`),
    );
  console.log(out.join('\n'));
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function num(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

function times(ratio: number | undefined): string {
  return ratio === undefined || Number.isNaN(ratio) ? '-' : `${ratio.toFixed(2)}x`;
}
