/**
 * Where a cold start goes: V8 CPU profiles (`--cpu-prof`) of fresh processes that load the shipped
 * Lambda and answer one getItem through its real SDK client, against a stand-in DynamoDB endpoint
 * (fixtures/fake-dynamodb.ts) with the environment Lambda gives a function. Each sample is mapped
 * through the bundle's source map to the package (or our source directory) whose code was running,
 * and split at the moment the bundle had loaded: init, then the first request.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchItemRecord } from '../fixtures/bench-item';
import { startFakeDynamoDb } from '../fixtures/fake-dynamodb';
import { lambdaEnvironment } from '../fixtures/lambda-environment';
import { runNode } from './child-process';
import type { ColdStartSample } from './runners/protocol';
import { median } from './stats';

export interface ProfileOptions {
  /** bench/runners/cold-start.ts, bundled. */
  readonly runner: string;
  readonly eventsFile: string;
  /** The bundle to profile; `<bundle>.map` must exist beside it. */
  readonly bundle: string;
  readonly workDir: string;
  readonly runs: number;
  /** Sampling interval in µs. */
  readonly intervalMicros?: number;
}

export interface ProfileRow {
  readonly group: string;
  /** Mean ms per process of samples in this group, before the bundle had loaded and after. */
  readonly initMs: number;
  readonly firstRequestMs: number;
}

export interface FunctionRow {
  readonly name: string;
  readonly group: string;
  readonly selfMs: number;
}

export interface ColdProfile {
  readonly runs: number;
  readonly intervalMicros: number;
  /** Medians over the profiled processes (the profiler slows them). */
  readonly medianRequireMs: number;
  readonly medianFirstCallMs: number;
  /** What kind of work: compiling, loading built-ins, bundle code, GC… */
  readonly kinds: readonly ProfileRow[];
  /** Whose: the package whose code ran, or called the node work. */
  readonly groups: readonly ProfileRow[];
  /** The heaviest functions of the first request, by self time. */
  readonly firstRequestFunctions: readonly FunctionRow[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
  /** Self samples by (1-based) line: how code running at a script's top level is told apart. */
  readonly positionTicks?: ReadonlyArray<{ readonly line: number; readonly ticks: number }>;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** What a sample is charged to: the kind of work, and the package whose code ran or asked for it. */
interface Charge {
  readonly kind: string;
  readonly group: string;
  readonly name: string;
  readonly weight: number;
}

type Totals = Map<string, { init: number; first: number }>;

export async function profileColdStart(options: ProfileOptions): Promise<ColdProfile> {
  const intervalMicros = options.intervalMicros ?? 250;
  const map = new SourceMap(JSON.parse(await readFile(`${options.bundle}.map`, 'utf8')) as SourceMapPayload);
  const bundleUrl = pathToFileURL(options.bundle).href;
  const server = await startFakeDynamoDb({ item: benchItemRecord() });
  const groups: Totals = new Map();
  const kinds: Totals = new Map();
  const functions = new Map<string, FunctionRow>();
  const requireMs: number[] = [];
  const firstCallMs: number[] = [];
  try {
    for (let run = -1; run < options.runs; run++) {
      const dir = path.join(options.workDir, `run-${run}`);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const { line } = await runNode(
        [
          '--cpu-prof',
          `--cpu-prof-dir=${dir}`,
          `--cpu-prof-interval=${intervalMicros}`,
          options.runner,
          options.bundle,
          options.eventsFile,
        ],
        60_000,
        { env: lambdaEnvironment(server.url) },
      );
      // Run -1 warms the file cache and is not counted.
      if (run < 0) continue;
      const sample = JSON.parse(line) as ColdStartSample;
      if (sample.status !== 200) throw new Error(`profiled getItem answered ${sample.status}`);
      requireMs.push(sample.requireMs);
      firstCallMs.push(sample.firstCallMs);
      const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
      if (file === undefined) throw new Error(`no .cpuprofile in ${dir}`);
      const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
      const loadedAt = sample.loadedAtMicros ?? Number.POSITIVE_INFINITY;
      const answeredAt = sample.answeredAtMicros ?? Number.POSITIVE_INFINITY;
      const charges = chargesByNode(profile, bundleUrl, map);
      let at = profile.startTime;
      profile.samples.forEach((id, index) => {
        at += profile.timeDeltas[index] ?? 0;
        if (at > answeredAt) return;
        const ms = (profile.timeDeltas[index + 1] ?? intervalMicros) / 1000 / options.runs;
        const phase = at <= loadedAt ? 'init' : 'first';
        for (const charge of charges.get(id) ?? []) {
          add(groups, charge.group, phase, ms * charge.weight);
          add(kinds, charge.kind, phase, ms * charge.weight);
          if (phase === 'first') {
            const key = `${charge.name}\u0000${charge.group}`;
            const row = functions.get(key) ?? { name: charge.name, group: charge.group, selfMs: 0 };
            functions.set(key, { ...row, selfMs: row.selfMs + ms * charge.weight });
          }
        }
      });
    }
  } finally {
    await server.close();
  }
  return {
    runs: options.runs,
    intervalMicros,
    medianRequireMs: median(requireMs),
    medianFirstCallMs: median(firstCallMs),
    kinds: rowsOf(kinds),
    groups: rowsOf(groups),
    firstRequestFunctions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, 12),
  };
}

function add(totals: Totals, key: string, phase: 'init' | 'first', ms: number): void {
  const entry = totals.get(key) ?? { init: 0, first: 0 };
  entry[phase] += ms;
  totals.set(key, entry);
}

function rowsOf(totals: Totals): ProfileRow[] {
  return [...totals]
    .map(([group, { init, first }]) => ({ group, initMs: init, firstRequestMs: first }))
    .sort((a, b) => b.initMs + b.firstRequestMs - (a.initMs + a.firstRequestMs));
}

/**
 * Each profile node's charges. Bundle code is charged to the package its source map names (at the
 * top level, where scope-hoisted ES modules run, line by line); node's own work (compiling the
 * bundle, loading built-in modules, sockets) to its kind, and to the nearest bundle frame that
 * called it, so a package's row includes the built-ins it pulled in.
 */
function chargesByNode(profile: CpuProfile, bundleUrl: string, map: SourceMap): Map<number, Charge[]> {
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const ancestors = (node: ProfileNode): ProfileNode[] => {
    const chain: ProfileNode[] = [];
    for (let up = parents.get(node.id); up !== undefined; up = parents.get(up.id)) chain.push(up);
    return chain;
  };
  const inBundle = (node: ProfileNode): boolean => node.callFrame.url === bundleUrl;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map(profile.nodes.map((node) => [node.id, 0]));
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const subtreeHits = (node: ProfileNode): number =>
    (hits.get(node.id) ?? 0) +
    (node.children ?? []).reduce((sum, id) => {
      const child = byId.get(id);
      return sum + (child === undefined ? 0 : subtreeHits(child));
    }, 0);
  const located = (line: number, column: number, functionName: string): { group: string; name: string } => {
    const entry = map.findEntry(line, column);
    const source = 'originalSource' in entry ? entry.originalSource : '';
    const name = ('name' in entry && typeof entry.name === 'string' ? entry.name : '') || functionName;
    return { group: sourceGroup(source), name: `${name || '(top level)'} ${shortSource(source)}` };
  };
  const charges = new Map<number, Charge[]>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (inBundle(node) && located(lineNumber, columnNumber, '').group === WRAPPER) {
      // esbuild's module wrappers (__esm, __commonJS): their self time is V8 compiling the module
      // body they are about to run, lazily; charged to the modules they call, by those modules' weight.
      const callees = (node.children ?? []).flatMap((id) => {
        const child = byId.get(id);
        return child === undefined || !inBundle(child) ? [] : [child];
      });
      const weights = callees.map((child) => subtreeHits(child));
      const total = weights.reduce((sum, w) => sum + w, 0);
      charges.set(
        node.id,
        callees.map((child, index) => ({
          kind: 'bundle: lazy compile of module bodies',
          ...located(child.callFrame.lineNumber, child.callFrame.columnNumber, child.callFrame.functionName),
          weight: total > 0 ? (weights[index] ?? 0) / total : 1 / callees.length,
        })),
      );
      continue;
    }
    if (inBundle(node)) {
      const ticks = node.positionTicks ?? [];
      const total = ticks.reduce((sum, tick) => sum + tick.ticks, 0);
      charges.set(
        node.id,
        total > 0
          ? ticks.map((tick) => ({
              kind: 'bundle JavaScript',
              ...located(tick.line - 1, 0, functionName),
              weight: tick.ticks / total,
            }))
          : [{ kind: 'bundle JavaScript', ...located(lineNumber, columnNumber, functionName), weight: 1 }],
      );
      continue;
    }
    const chain = ancestors(node);
    const kind = nodeWorkKind(node, chain);
    const caller = chain.find(inBundle);
    const charged =
      caller === undefined
        ? { group: kind, name: functionName || kind }
        : {
            group: located(caller.callFrame.lineNumber, caller.callFrame.columnNumber, '').group,
            name: `${functionName || kind} (node, for ${located(caller.callFrame.lineNumber, caller.callFrame.columnNumber, caller.callFrame.functionName).name})`,
          };
    charges.set(node.id, [{ kind, ...charged, weight: 1 }]);
    if (url === '' && functionName === '(root)') charges.set(node.id, []);
  }
  return charges;
}

function nodeWorkKind(node: ProfileNode, chain: readonly ProfileNode[]): string {
  const { functionName, url } = node.callFrame;
  const named = (name: string): boolean =>
    functionName === name || chain.some((up) => up.callFrame.functionName === name);
  if (url === '' && functionName.startsWith('(')) return functionName;
  if (named('compileForInternalLoader')) return 'node: loading built-in modules';
  if (named('wrapSafe')) return 'node: compiling scripts (the bundle)';
  if (url.startsWith('node:internal/modules') || named('readFileUtf8')) return 'node: module loader';
  return 'node: other work (http, crypto, fs, timers…)';
}

/** Bundle code with no source: esbuild's runtime helpers. */
const WRAPPER = 'bundle: esbuild helpers';

function sourceGroup(source: string): string {
  if (source === '') return WRAPPER;
  const modules = source.lastIndexOf('node_modules/');
  if (modules < 0) {
    const local = source.replace(/^.*?\/(src|generated|bench)\//, '$1/');
    return `app: ${local.split('/').slice(0, 2).join('/')}`;
  }
  const parts = source.slice(modules + 'node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '?');
  // @smithy/core and @aws-sdk/core are many packages in one: name the submodule.
  const submodule = parts.indexOf('submodules');
  return submodule >= 0 ? `${name}/${parts[submodule + 1] ?? ''}` : name;
}

function shortSource(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  return modules < 0 ? source.replace(/^.*?\/(src|generated)\//, '$1/') : source.slice(modules + 13);
}

/** The profile as the tables `npm run bench` prints. */
export function formatProfile(profile: ColdProfile, top = 16): string[] {
  return [
    ...rowsTable('kind of work', profile.kinds, profile.kinds.length),
    '',
    ...rowsTable('package (its code, or node work it called)', profile.groups, top),
    '',
    'First request, heaviest functions (self ms per process):',
    ...profile.firstRequestFunctions.map(
      (f) => `  ${f.selfMs.toFixed(2).padStart(6)}  ${f.name.slice(0, 110)}`,
    ),
  ];
}

function rowsTable(title: string, all: readonly ProfileRow[], top: number): string[] {
  const sum = (list: readonly ProfileRow[], pick: (row: ProfileRow) => number): number =>
    list.reduce((total, row) => total + pick(row), 0);
  const total = sum(all, (r) => r.initMs + r.firstRequestMs);
  const line = (group: string, init: number, first: number): string =>
    `${group.slice(0, 58).padEnd(58)} ${init.toFixed(1).padStart(8)} ${first.toFixed(1).padStart(10)} ${(((init + first) / total) * 100).toFixed(1).padStart(6)}%`;
  const rest = all.slice(top);
  return [
    `${title.padEnd(58)} ${'init ms'.padStart(8)} ${'1st req ms'.padStart(10)} ${'share'.padStart(7)}`,
    ...all.slice(0, top).map((r) => line(r.group, r.initMs, r.firstRequestMs)),
    ...(rest.length > 0
      ? [
          line(
            `(${rest.length} more)`,
            sum(rest, (r) => r.initMs),
            sum(rest, (r) => r.firstRequestMs),
          ),
        ]
      : []),
    line(
      'total sampled',
      sum(all, (r) => r.initMs),
      sum(all, (r) => r.firstRequestMs),
    ),
  ];
}
