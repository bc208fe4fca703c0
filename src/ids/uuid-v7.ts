/**
 * Time-ordered ids for new records: UUIDv7 (RFC 9562 §5.7) on node:crypto, in place of the `uuid`
 * package, whose module graph cost about 4 % of the cold path (issue 22) for this one function.
 *
 * Layout: 48-bit Unix ms timestamp, version 7, a 12-bit counter in rand_a (RFC 9562 §6.2, method 1),
 * variant 10, 62 random bits. The counter starts at a random value below 2^11 each millisecond, so
 * at least 2048 ids fit in one millisecond; past that, and when the clock steps back, the timestamp
 * moves ahead of the clock (§6.2 allows it), so the ids of one process sort in the order made.
 */
import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in batches: one call into the CSPRNG per 256 ids, not one per id. */
const POOL_IDS = 256;
/** Two for the counter's start, eight for rand_b. */
const RANDOM_BYTES_PER_ID = 10;
const COUNTER_LIMIT = 0x1000;

/** A UUIDv7 generator on its own clock and counter; `clock` (ms) is replaced by tests only. */
export function createUuidV7(clock: () => number = Date.now): () => string {
  const pool = Buffer.alloc(POOL_IDS * RANDOM_BYTES_PER_ID);
  let poolOffset = pool.length;
  const bytes = Buffer.alloc(16);
  let lastMs = -1;
  let counter = 0;
  return () => {
    if (poolOffset === pool.length) {
      randomFillSync(pool);
      poolOffset = 0;
    }
    const at = poolOffset;
    poolOffset += RANDOM_BYTES_PER_ID;
    const now = clock();
    if (now > lastMs) {
      lastMs = now;
      // Most significant bit clear: room for at least 2^11 increments before the counter overflows.
      counter = pool.readUInt16BE(at) & 0x7ff;
    } else if (++counter === COUNTER_LIMIT) {
      lastMs++;
      counter = 0;
    }
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes.writeUInt16BE(0x7000 | counter, 6);
    pool.copy(bytes, 8, at + 2, at + RANDOM_BYTES_PER_ID);
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** The process's UUIDv7s: each one after every one made before it in sort order. */
export const uuidv7: () => string = createUuidV7();
