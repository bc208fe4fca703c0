/**
 * Cold starts: fresh node processes that load a bundle and answer one getItem event, timed from
 * spawn to the answer's report line. Variants take turns within each round, in a rotating order,
 * so machine noise and file-cache warmth fall on all of them alike.
 */
import { runNode } from './child-process';
import type { ColdStartSample } from './runners/protocol';
import { median } from './stats';

export interface ColdStartTarget {
  readonly name: string;
  /** The bundle to load, or `-` for none (node's own start-up floor). */
  readonly bundle: string;
}

export interface ColdStartFigures {
  readonly samples: ReadonlyArray<ColdStartSample & { readonly wallMs: number }>;
  /** Answers other than 200: a variant with any has no meaningful figure. */
  readonly non200: number;
  readonly error?: string;
  readonly medianWallMs: number;
  readonly medianInProcessMs: number;
  readonly medianRequireMs: number;
  readonly medianFirstCallMs: number;
  readonly medianMaxRssKiB: number;
}

const TIMEOUT_MS = 30_000;

export async function measureColdStarts(
  runner: string,
  eventsFile: string,
  targets: readonly ColdStartTarget[],
  rounds: number,
): Promise<Map<string, ColdStartFigures>> {
  const samples = new Map<string, Array<ColdStartSample & { wallMs: number }>>(
    targets.map((t) => [t.name, []]),
  );
  const errors = new Map<string, string>();
  // Round -1 is not recorded: it brings node, the runner and every bundle into the file cache.
  for (let round = -1; round < rounds; round++) {
    const offset = round < 0 ? 0 : round % targets.length;
    const order = [...targets.slice(offset), ...targets.slice(0, offset)];
    for (const target of order) {
      // A bundle that failed once (it cannot load, say) fails every time; don't spend the budget on it.
      if (errors.has(target.name)) continue;
      try {
        const { line, lineAtMs } = await runNode([runner, target.bundle, eventsFile], TIMEOUT_MS);
        // The runner's own report line (bench/runners/cold-start.ts).
        const sample = JSON.parse(line) as ColdStartSample;
        if (round >= 0) samples.get(target.name)?.push({ ...sample, wallMs: lineAtMs });
      } catch (error) {
        errors.set(target.name, error instanceof Error ? error.message : String(error));
      }
    }
  }
  return new Map(
    targets.map(({ name }) => {
      const taken = samples.get(name) ?? [];
      const error = errors.get(name);
      const figures: ColdStartFigures = {
        samples: taken,
        non200: taken.filter((sample) => sample.status !== 200).length,
        ...(error !== undefined && { error }),
        medianWallMs: median(taken.map((s) => s.wallMs)),
        medianInProcessMs: median(taken.map((s) => s.inProcessMs)),
        medianRequireMs: median(taken.map((s) => s.requireMs)),
        medianFirstCallMs: median(taken.map((s) => s.firstCallMs)),
        medianMaxRssKiB: median(taken.map((s) => s.maxRssKiB)),
      };
      return [name, figures];
    }),
  );
}
