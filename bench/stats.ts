/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  const lower = sorted[middle - 1];
  if (upper === undefined) return Number.NaN;
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

/** Geometric mean: the average of ratios that neither the slowest nor the fastest operation dominates. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/** The shortest timed batch: long enough that timer resolution and one GC pause stay small in it. */
export const MIN_BATCH_MS = 100;

/**
 * Calls per timed batch: at least `minCalls` over all batches, and enough that each batch lasts
 * `minBatchMs` at the probed speed, so a sub-microsecond call is not timed over a 2 ms batch.
 */
export function callsPerBatch(
  minCalls: number,
  batches: number,
  probedMicrosPerCall: number,
  minBatchMs = 100,
): number {
  const forDuration = probedMicrosPerCall > 0 ? Math.ceil((minBatchMs * 1000) / probedMicrosPerCall) : 0;
  return Math.max(Math.ceil(minCalls / batches), forDuration);
}
