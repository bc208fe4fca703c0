import { createUuidV7, uuidv7 } from '../../src/ids/uuid-v7';

/** RFC 9562 §4: 8-4-4-4-12 lower-case hex, version nibble 7, variant bits 10. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit timestamp an id carries, in ms. */
const timestampOf = (id: string): number => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

/** The 12-bit counter in rand_a. */
const counterOf = (id: string): number => Number.parseInt(id.slice(15, 18), 16);

/** A clock that reads what the test last set. */
function fakeClock(start: number): { now: () => number; set: (ms: number) => void } {
  let ms = start;
  return { now: () => ms, set: (next) => (ms = next) };
}

describe('uuidv7', () => {
  it.each([
    { clock: 0, timestamp: '00000000-0000' },
    { clock: Date.parse('2026-11-23T10:00:00.000Z'), timestamp: '01a207d9-2100' },
    { clock: 2 ** 48 - 1, timestamp: 'ffffffff-ffff' },
  ])(
    'writes the clock $clock as the leading 48 bits, $timestamp, with version 7 and variant 10',
    ({ clock, timestamp }) => {
      // Prepare
      const next = createUuidV7(() => clock);

      // Act
      const id = next();

      // Assess
      expect(id).toMatch(UUID_V7);
      expect(id.startsWith(timestamp)).toBe(true);
    },
  );

  it('sorts ids of later milliseconds after earlier ones', () => {
    // Prepare
    const start = Date.parse('2030-01-01T00:00:00.000Z');
    const clock = fakeClock(start);
    const next = createUuidV7(clock.now);

    // Act
    const ids = Array.from({ length: 50 }, (_, ms) => {
      clock.set(start + ms);
      return next();
    });

    // Assess
    expect(ids.map(timestampOf)).toEqual(Array.from({ length: 50 }, (_, ms) => start + ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('counts up within one millisecond, and moves past it once the counter is spent', () => {
    // Prepare
    const clock = Date.parse('2031-01-01T00:00:00.000Z');
    const next = createUuidV7(() => clock);

    // Act: more ids than the 12-bit counter holds, all at one clock reading
    const ids = Array.from({ length: 5000 }, () => next());

    // Assess
    expect(counterOf(ids[0] ?? '')).toBeLessThan(0x800);
    expect(counterOf(ids[1] ?? '')).toBe(counterOf(ids[0] ?? '') + 1);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(timestampOf(ids[ids.length - 1] ?? '')).toBe(clock + 1);
  });

  it('keeps sorting after a clock that steps back', () => {
    // Prepare
    const start = Date.parse('2032-01-01T00:00:00.000Z');
    const clock = fakeClock(start);
    const next = createUuidV7(clock.now);
    const before = next();
    clock.set(start - 1000);

    // Act
    const after = next();

    // Assess
    expect(after > before).toBe(true);
    expect(timestampOf(after)).toBe(start);
  });

  it('makes distinct, well-formed, ordered ids on the real clock', () => {
    // Prepare
    const startedAt = Date.now();

    // Act
    const ids = Array.from({ length: 100_000 }, () => uuidv7());

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(timestampOf(ids[0] ?? '')).toBeGreaterThanOrEqual(startedAt);
  });

  it('draws the random bits fresh for each id, across refills of its random pool', () => {
    // Prepare
    const next = createUuidV7(() => Date.parse('2033-01-01T00:00:00.000Z'));

    // Act: more ids than one pool of random bytes serves
    const tails = Array.from({ length: 1000 }, () => next().slice(19));

    // Assess: 62 random bits per id; a repeat among a thousand would mean reused randomness
    expect(new Set(tails).size).toBe(tails.length);
  });
});
