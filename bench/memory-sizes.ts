/**
 * Issue 15, memory size from measurement: our bundle's cold start and warm getItem at the memory
 * sizes the stack offers, emulated locally as far as a local run can: V8 heap limits as the Lambda
 * runtime sets them for that size and, where this machine allows, a CPU quota of memory / 1,769 of
 * one core in a cgroup (v1, /sys/fs/cgroup/cpu). Rows whose cgroup could not be set up run on a
 * full core and say so.
 */
import { mkdir, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHILD_NODE, runNode } from './child-process';
import { type ColdStartSample, readOperations, type WarmResult } from './runners/protocol';
import { median } from './stats';

/** The sizes offered: below, at and above the stack's 512 MB, up to one full vCPU. */
export const MEMORY_SIZES_MB = [256, 512, 1024, 1769] as const;

/** Lambda gives one full vCPU at 1,769 MB and CPU in proportion to memory below it. */
const FULL_VCPU_MB = 1769;
/** A short CFS period (the kernel default is 100 ms) so a 100 ms timed batch spans many periods. */
const CFS_PERIOD_US = 10_000;
const CGROUP_CPU_ROOT = '/sys/fs/cgroup/cpu';
const COLD_RUNS = 5;
const WARM = { warmupCalls: 1_000, timedCalls: 30_000, batches: 3 };
const TIMEOUT_MS = 120_000;

export const HEAP_FORMULA =
  'new space = memory / 10, --max-semi-space-size = new space / 2, --max-old-space-size = memory - new space (MB, integer division)';

/**
 * The heap flags Lambda's Node runtime starts node with, as its bootstrap script computes them
 * (HEAP_FORMULA; e.g. 512 MB → semi 25, old 461, so old space is 90 % of the memory). Taken from
 * the bootstrap of Lambda's Node base images (/var/runtime/bootstrap); not verified against the
 * nodejs22.x runtime itself, which may compute them differently.
 */
export function heapFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`];
}

export interface MemorySizeRow {
  readonly memoryMb: number;
  readonly heapFlags: readonly string[];
  /** The share of one core the cgroup allowed, or undefined when the CPU share was not emulated. */
  readonly cpuShare?: number;
  readonly cpuNote?: string;
  readonly coldRuns: number;
  /** Medians over the cold runs: requiring the bundle (init), and process start to the first answer. */
  readonly medianInitMs?: number;
  readonly medianFirstAnswerMs?: number;
  readonly warmGetItemMicros?: number;
  readonly errors: readonly string[];
}

export interface MemorySizesReport {
  readonly heapFormula: string;
  readonly cfsPeriodUs: number;
  readonly rows: readonly MemorySizeRow[];
  readonly caveat: string;
}

export const MEMORY_SIZES_CAVEAT =
  'What this captures: the V8 heap limits Lambda sets for each size (they matter only once the ' +
  'heap nears them, which one getItem never does) and, where the cgroup worked, a CFS quota of ' +
  'memory / 1,769 of one core, so CPU-bound init and request work stretch roughly by the inverse ' +
  'share. What it does not: how Lambda actually schedules a sandbox (its period and any burst ' +
  'allowance during init are not documented), the Firecracker VM and its host, the network to ' +
  'DynamoDB and its latency (the bundle answers from memory here), and the download and unpacking ' +
  'of the code. So the rows say how CPU-bound work scales with the share, a lower bound on init at ' +
  'small sizes; they cannot say where Lambda itself crosses over. Measure that after the first ' +
  'deploy with AWS Lambda Power Tuning.';

export interface MemorySizesInput {
  /** dist/bench/runner.js and dist/bench/warm-runner.js. */
  readonly coldRunner: string;
  readonly warmRunner: string;
  readonly bundle: string;
  /** A file of bench operations that holds the getItem event. */
  readonly eventsFile: string;
  readonly workDir: string;
}

interface Slot {
  readonly memoryMb: number;
  /** The cgroup's cgroup.procs file, or undefined when the CPU share is not emulated. */
  readonly procs?: string;
  readonly dir?: string;
  readonly cpuNote?: string;
}

export async function measureMemorySizes(input: MemorySizesInput): Promise<MemorySizesReport> {
  const getItemFile = path.join(input.workDir, 'memory-events.json');
  const slots: Slot[] = [];
  try {
    const getItem = readOperations(input.eventsFile).filter(({ operationId }) => operationId === 'getItem');
    await mkdir(input.workDir, { recursive: true });
    await writeFile(getItemFile, JSON.stringify(getItem));
    for (const memoryMb of MEMORY_SIZES_MB) slots.push(await cpuSlot(memoryMb));
    const rows: MemorySizeRow[] = [];
    const cold = new Map<number, ColdStartSample[]>(slots.map((slot) => [slot.memoryMb, []]));
    const errors = new Map<number, string[]>(slots.map((slot) => [slot.memoryMb, []]));
    // Round -1 only warms the file cache; sizes take turns so machine noise falls on all alike.
    for (let round = -1; round < COLD_RUNS; round++) {
      for (const slot of slots) {
        try {
          const { line } = await runIn(slot, [input.coldRunner, input.bundle, getItemFile]);
          if (round >= 0) cold.get(slot.memoryMb)?.push(JSON.parse(line) as ColdStartSample);
        } catch (error) {
          errors.get(slot.memoryMb)?.push(`cold start: ${message(error)}`);
        }
      }
    }
    for (const slot of slots) {
      const samples = cold.get(slot.memoryMb) ?? [];
      const slotErrors = errors.get(slot.memoryMb) ?? [];
      const warm = await runIn(slot, [
        '--expose-gc',
        input.warmRunner,
        input.bundle,
        getItemFile,
        String(WARM.warmupCalls),
        String(WARM.timedCalls),
        String(WARM.batches),
      ]).then(
        ({ line }) => JSON.parse(line) as WarmResult,
        (error: unknown) => {
          slotErrors.push(`warm: ${message(error)}`);
          return undefined;
        },
      );
      const getItemWarm = warm?.operations.find(({ operationId }) => operationId === 'getItem');
      rows.push({
        memoryMb: slot.memoryMb,
        heapFlags: heapFlags(slot.memoryMb),
        ...(slot.procs !== undefined && { cpuShare: cpuShare(slot.memoryMb) }),
        ...(slot.cpuNote !== undefined && { cpuNote: slot.cpuNote }),
        coldRuns: samples.length,
        ...(samples.length > 0 && {
          medianInitMs: median(samples.map((s) => s.requireMs)),
          medianFirstAnswerMs: median(samples.map((s) => s.inProcessMs)),
        }),
        ...(getItemWarm !== undefined && { warmGetItemMicros: getItemWarm.medianMicros }),
        errors: [
          ...slotErrors,
          ...(samples.some((s) => s.status !== 200) ? ['cold start: an answer was not 200'] : []),
          ...(getItemWarm !== undefined && getItemWarm.failures > 0
            ? [`warm: ${getItemWarm.failures} answers had an unexpected status`]
            : []),
        ],
      });
    }
    return { heapFormula: HEAP_FORMULA, cfsPeriodUs: CFS_PERIOD_US, rows, caveat: MEMORY_SIZES_CAVEAT };
  } finally {
    // Every child has exited by now (runNode settles on close), so each cgroup is empty.
    for (const { dir } of slots) if (dir !== undefined) await rmdir(dir).catch(() => undefined);
  }
}

function cpuShare(memoryMb: number): number {
  return Math.min(1, memoryMb / FULL_VCPU_MB);
}

/** A child cgroup with the size's CPU quota, or a slot without one and the reason. */
async function cpuSlot(memoryMb: number): Promise<Slot> {
  const dir = path.join(CGROUP_CPU_ROOT, `items-bench-${process.pid}-${memoryMb}`);
  try {
    await mkdir(dir);
  } catch (error) {
    return { memoryMb, cpuNote: `CPU share not emulated (${message(error)})` };
  }
  try {
    await writeFile(path.join(dir, 'cpu.cfs_period_us'), String(CFS_PERIOD_US));
    const quota = Math.max(1_000, Math.round(CFS_PERIOD_US * cpuShare(memoryMb)));
    await writeFile(path.join(dir, 'cpu.cfs_quota_us'), String(quota));
    return { memoryMb, dir, procs: path.join(dir, 'cgroup.procs') };
  } catch (error) {
    await rmdir(dir).catch(() => undefined);
    return { memoryMb, cpuNote: `CPU share not emulated (${message(error)})` };
  }
}

/**
 * Runs node with the size's heap flags and AWS_LAMBDA_FUNCTION_MEMORY_SIZE; inside the cgroup when
 * there is one, entered by a shell that then execs node, so node's whole start-up runs under the quota.
 */
function runIn(slot: Slot, args: readonly string[]): ReturnType<typeof runNode> {
  const env = { ...process.env, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(slot.memoryMb) };
  const nodeArgs = [...heapFlags(slot.memoryMb), ...args];
  if (slot.procs === undefined) return runNode(nodeArgs, TIMEOUT_MS, { env });
  return runNode(
    ['-c', 'echo $$ > "$1" && shift && exec "$@"', 'sh', slot.procs, CHILD_NODE, ...nodeArgs],
    TIMEOUT_MS,
    { node: '/bin/sh', env },
  );
}

/** The table and caveat, as printed and as the README quotes them. */
export function formatMemorySizes(report: MemorySizesReport): string[] {
  const lines = [
    'Memory sizes (local emulation: our bundle, Lambda heap flags, CPU quota = memory / 1769 of one core)',
    `  ${'memory'.padEnd(8)} ${'heap flags'.padEnd(50)} ${'CPU share'.padEnd(26)} ${'init ms'.padStart(8)} ${'1st answer ms'.padStart(14)} ${'warm getItem µs'.padStart(16)}`,
  ];
  for (const row of report.rows) {
    const share =
      row.cpuShare === undefined
        ? 'CPU share not emulated'
        : `${(row.cpuShare * 100).toFixed(1)} % of one core`;
    lines.push(
      `  ${`${row.memoryMb} MB`.padEnd(8)} ${row.heapFlags.join(' ').padEnd(50)} ${share.padEnd(26)} ${fixed(row.medianInitMs, 1).padStart(8)} ${fixed(row.medianFirstAnswerMs, 1).padStart(14)} ${fixed(row.warmGetItemMicros, 2).padStart(16)}`,
    );
    for (const note of [...(row.cpuNote === undefined ? [] : [row.cpuNote]), ...row.errors]) {
      lines.push(`           ${note}`);
    }
  }
  lines.push(
    `  Heap flags: ${report.heapFormula}. CFS period ${report.cfsPeriodUs / 1000} ms; medians of ${COLD_RUNS} cold starts each.`,
    `  ${report.caveat}`,
  );
  return lines;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '-' : value.toFixed(digits);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
