/**
 * Breaking-change gate for the contract: `npm run spec:diff -- <old-spec-file>` compares an earlier
 * openapi.yaml (e.g. `git show main:openapi.yaml > /tmp/old.yaml`) with the current one and exits 1
 * when a change would break existing clients, unless the flag allows it and info.version's major went up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { asObject, isObject, type Json } from '../src/spec/openapi-document';
import { compareSpecs, RefError } from './spec-diff/compare';

const USAGE = 'usage: spec-diff <old-spec-file> [--new <file>] [--allow-breaking-on-major]';
const DEFAULT_NEW_SPEC = path.join(path.resolve(__dirname, '..'), 'openapi.yaml');

export interface SpecDiffIo {
  readFile(path: string): string;
  log(line: string): void;
}

/** A problem with the arguments or the input files: reported in one line with exit code 2. */
class SpecDiffError extends Error {}

// Checks the shape, not `instanceof Error`: errors from Node's own modules may come from another realm (jest's vm).
const firstLine = (error: unknown): string => {
  const message = isObject(error) && typeof error.message === 'string' ? error.message : String(error);
  return message.split('\n')[0] ?? '';
};

const OPTIONS = {
  new: { type: 'string' },
  'allow-breaking-on-major': { type: 'boolean', default: false },
} as const;

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new SpecDiffError(`${firstLine(error)}; ${USAGE}`);
  }
}

function parseOptions(args: string[]): { oldFile: string; newFile: string; allowBreakingOnMajor: boolean } {
  const parsed = parseFlags(args);
  const [oldFile, ...extra] = parsed.positionals;
  if (oldFile === undefined || extra.length > 0) throw new SpecDiffError(USAGE);
  return {
    oldFile,
    newFile: parsed.values.new ?? DEFAULT_NEW_SPEC,
    allowBreakingOnMajor: parsed.values['allow-breaking-on-major'],
  };
}

function readSpec(file: string, io: SpecDiffIo): Json {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new SpecDiffError(`cannot read ${file}: ${firstLine(error)}`);
  }
  let spec: unknown;
  try {
    spec = parse(text);
  } catch (error) {
    throw new SpecDiffError(`cannot parse ${file}: ${firstLine(error)}`);
  }
  if (!isObject(spec) || !isObject(spec.paths)) {
    throw new SpecDiffError(`${file} is not an OpenAPI document (it has no paths)`);
  }
  return spec;
}

const versionOf = (spec: Json): string => String(asObject(spec.info).version ?? 'none');

/** The major number of info.version (`2.1.0` → 2), or undefined when it is not a version number. */
function majorOf(spec: Json): number | undefined {
  const match = /^v?(\d+)(?:\.|$)/.exec(versionOf(spec));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function diff(args: string[], io: SpecDiffIo): number {
  const { oldFile, newFile, allowBreakingOnMajor } = parseOptions(args);
  const oldSpec = readSpec(oldFile, io);
  const newSpec = readSpec(newFile, io);
  const changes = compareSpecs(oldSpec, newSpec).toSorted((a, b) => Number(b.breaking) - Number(a.breaking));
  for (const change of changes) {
    io.log(`${change.breaking ? 'BREAKING  ' : 'compatible'} ${change.location}: ${change.message}`);
  }
  const breakingCount = changes.filter((change) => change.breaking).length;
  io.log(`${breakingCount} breaking, ${changes.length - breakingCount} compatible changes`);
  if (breakingCount === 0) return 0;
  if (!allowBreakingOnMajor) return 1;

  const oldMajor = majorOf(oldSpec);
  const newMajor = majorOf(newSpec);
  const bump = `info.version ${versionOf(oldSpec)} -> ${versionOf(newSpec)}`;
  if (oldMajor !== undefined && newMajor !== undefined && newMajor > oldMajor) {
    io.log(`breaking changes accepted: ${bump} is a major bump`);
    return 0;
  }
  io.log(`breaking changes not accepted: ${bump} is not a major bump`);
  return 1;
}

/** Runs the gate and returns its exit code: 0 compatible (or accepted), 1 breaking, 2 bad arguments or input. */
export function runSpecDiff(args: string[], io: SpecDiffIo): number {
  try {
    return diff(args, io);
  } catch (error) {
    if (!(error instanceof SpecDiffError || error instanceof RefError)) throw error;
    io.log(`spec-diff: ${error.message}`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = runSpecDiff(process.argv.slice(2), {
    readFile: (file) => readFileSync(file, 'utf8'),
    log: (line) => console.log(line),
  });
}
