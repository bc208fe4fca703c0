import {
  committedTransactionUnits,
  failedWriteUnits,
  indexWriteUnits,
  itemBytes,
  mixCost,
  PRICES,
  type WireItem,
} from '../../bench/capacity-units';
import type { TableIndex } from '../../src/storage/dynamodb/table-design';

const STATUS: TableIndex = {
  name: 'byStatus',
  partitionKey: 'ownerStatus',
  sortKey: 'sk',
  projection: 'ALL',
};
const OBJECT: TableIndex = { name: 'byObject', partitionKey: 'objectKey', projection: 'KEYS_ONLY' };

const item = (extra: Record<string, WireItem[string]> = {}): WireItem => ({
  pk: { S: 'OWNER#a' },
  sk: { S: 'ITEM#1' },
  ownerStatus: { S: 'OWNER#a#active' },
  ...extra,
});

describe('itemBytes', () => {
  it.each([
    ['a string: name and UTF-8 bytes', { ab: { S: 'é' } }, 2 + 2],
    ['a number: a byte per two significant digits, plus one', { n: { N: '12345' } }, 1 + 4],
    ['a number with zeros trimmed', { n: { N: '100' } }, 1 + 2],
    ['a boolean', { b: { BOOL: true } }, 1 + 1],
    [
      'a map: 3 bytes, 1 per element, its names and values',
      { m: { M: { k: { S: 'v' } } } },
      1 + 3 + 1 + 1 + 1,
    ],
    ['a list', { l: { L: [{ S: 'ab' }, { N: '1' }] } }, 1 + 3 + (1 + 2) + (1 + 2)],
  ])('%s', (_, value, bytes) => {
    // Act
    const size = itemBytes(value);
    // Assess
    expect(size).toBe(bytes);
  });
});

describe('indexWriteUnits', () => {
  it.each([
    ['a new entry', undefined, item(), 1],
    ['a removed entry', item(), undefined, 1],
    ['a key change: delete and put', item(), item({ ownerStatus: { S: 'OWNER#a#archived' } }), 2],
    ['another attribute projected (ALL)', item(), item({ name: { S: 'x' } }), 1],
    ['nothing changed', item(), item(), 0],
    ['never in the index', { pk: { S: 'p' }, sk: { S: 's' } }, { pk: { S: 'p' }, sk: { S: 's' } }, 0],
  ])('%s', (_, before, after, units) => {
    expect(indexWriteUnits(STATUS, before, after)).toBe(units);
  });

  it('a keys-only index ignores changes outside its keys', () => {
    const media = item({ objectKey: { S: 'media/1' } });
    expect(indexWriteUnits(OBJECT, media, { ...media, status: { S: 'ready' } })).toBe(0);
  });

  it('sizes an entry by what it projects: 1 KB more is one unit more', () => {
    const big = item({ blob: { S: 'x'.repeat(1024) } });
    expect(indexWriteUnits(STATUS, undefined, big)).toBe(2);
    expect(indexWriteUnits(OBJECT, undefined, { ...big, objectKey: { S: 'k' } })).toBe(1);
  });
});

describe('committedTransactionUnits', () => {
  it('counts each item and its index writes at 2 per KB', () => {
    // Prepare: an item put (in the status index) and a key record beside it (in no index).
    const record: WireItem = { pk: { S: 'OWNER#a' }, sk: { S: 'IDEMPOTENCY#1' } };
    // Act
    const units = committedTransactionUnits(
      [
        { kind: 'Put', item: item() },
        { kind: 'Put', item: record },
      ],
      [STATUS, OBJECT],
    );
    // Assess
    expect(units).toEqual({ table: 4, indexes: { byStatus: 2 }, total: 6 });
  });

  it('sizes an update by the larger of its images and a delete by the removed item', () => {
    const large = item({ blob: { S: 'x'.repeat(1500) } });
    const units = committedTransactionUnits(
      [
        { kind: 'Update', before: item(), after: large },
        { kind: 'Delete', before: item() },
      ],
      [],
    );
    expect(units.table).toBe(2 * 2 + 2);
  });
});

describe('failedWriteUnits', () => {
  it('bills the stored item, at least one unit, doubled in a transaction', () => {
    expect(failedWriteUnits([undefined], false)).toBe(1);
    expect(failedWriteUnits([item(), undefined], true)).toBe(4);
  });
});

describe('mixCost', () => {
  it('adds DynamoDB, Lambda and the gateway per million requests', () => {
    // Prepare: one read at 1 RCU that runs 9.2 ms (billed 10 ms at 512 MB).
    const cost = mixCost([{ share: 1, units: { rcu: 1, wcu: 0, durationMs: 9.2 } }]);
    // Assess
    expect(cost.dynamodb).toBeCloseTo(PRICES.readRequestUnit);
    expect(cost.lambdaDuration).toBeCloseTo(0.5 * 0.01 * 1e6 * PRICES.lambdaGbSecond);
    expect(cost.totalHttpApi).toBeCloseTo(
      PRICES.readRequestUnit + PRICES.lambdaRequests + cost.lambdaDuration + PRICES.httpApiRequests,
    );
  });
});
