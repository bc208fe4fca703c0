/**
 * AWS's published capacity rules, for what DynamoDB Local does not report as AWS would (issue 22):
 * item sizes, write units of a transaction item by item with its index writes, and the units a
 * write whose condition failed is still billed. Pure functions on the DynamoDB JSON wire format.
 */
import { ITEMS_TABLE, type TableIndex } from '../src/storage/dynamodb/table-design';

/** An attribute value as the DynamoDB JSON protocol carries it (`{"S": "…"}`, `{"M": {…}}`, …). */
export type WireValue = Readonly<Record<string, unknown>>;
export type WireItem = Readonly<Record<string, WireValue>>;

const WRITE_UNIT_BYTES = 1024;
const READ_UNIT_BYTES = 4096;
/** A transactional write is two underlying writes, prepare and commit. */
const TRANSACTIONAL_FACTOR = 2;

/** Bytes DynamoDB counts for an item: each attribute's name and value (AWS's item size rules). */
export function itemBytes(item: WireItem): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) bytes += utf8(name) + valueBytes(value);
  return bytes;
}

function valueBytes(value: WireValue): number {
  const [type, content] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
      return utf8(String(content));
    case 'N':
      return numberBytes(String(content));
    case 'B':
      return Buffer.from(String(content), 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return listOf(content).reduce<number>((sum, each) => sum + utf8(String(each)), 0);
    case 'NS':
      return listOf(content).reduce<number>((sum, each) => sum + numberBytes(String(each)), 0);
    case 'BS':
      return listOf(content).reduce<number>(
        (sum, each) => sum + Buffer.from(String(each), 'base64').length,
        0,
      );
    // A list or map: 3 bytes, and 1 more per element, besides what the elements themselves take.
    case 'L':
      return 3 + listOf(content).reduce<number>((sum, each) => sum + 1 + valueBytes(asWire(each)), 0);
    case 'M':
      return (
        3 +
        Object.entries(asWire(content)).reduce(
          (sum, [name, each]) => sum + 1 + utf8(name) + valueBytes(asWire(each)),
          0,
        )
      );
    default:
      return 0;
  }
}

/** About one byte per two significant digits, plus one (leading and trailing zeros do not count). */
function numberBytes(text: string): number {
  const digits = text
    .replace(/^-/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asWire(value: unknown): WireItem {
  return typeof value === 'object' && value !== null ? (value as WireItem) : {};
}

/** Write units of one write of `bytes`: 1 per KB started, at least 1. */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
}

/** Read units of a strongly consistent read of `bytes`: 1 per 4 KB started, at least 1. */
export function readUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
}

/** One action of a TransactWriteItems request, with the stored record before and after it. */
export interface TransactionAction {
  readonly kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  /** The Put's item; absent for the other kinds. */
  readonly item?: WireItem;
  readonly before?: WireItem;
  readonly after?: WireItem;
}

export interface ComputedWrite {
  readonly table: number;
  readonly indexes: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * A committed transaction's write units by AWS's rules: each item at 2 WCU per KB of the larger of
 * its images, each index entry it adds, changes or removes at the same transactional rate (as
 * DynamoDB Local reports them, and as the table counts them).
 */
export function committedTransactionUnits(
  actions: readonly TransactionAction[],
  indexes: readonly TableIndex[] = ITEMS_TABLE.indexes,
): ComputedWrite {
  let table = 0;
  const byIndex: Record<string, number> = {};
  for (const action of actions) {
    const after = action.kind === 'Put' ? action.item : action.kind === 'Delete' ? undefined : action.after;
    table += TRANSACTIONAL_FACTOR * writeUnits(Math.max(size(action.before), size(after)));
    if (action.kind === 'ConditionCheck') continue;
    for (const index of indexes) {
      const units = indexWriteUnits(index, action.before, after);
      if (units > 0) byIndex[index.name] = (byIndex[index.name] ?? 0) + TRANSACTIONAL_FACTOR * units;
    }
  }
  const indexTotal = Object.values(byIndex).reduce((sum, units) => sum + units, 0);
  return { table, indexes: byIndex, total: table + indexTotal };
}

/**
 * A write whose condition failed is billed as if it wrote the stored item (at least 1 WCU), and
 * touches no index. A cancelled transaction is counted the same way per item, at the
 * transactional rate (its prepare phase): an assumption, AWS publishes no rule for it.
 */
export function failedWriteUnits(befores: readonly (WireItem | undefined)[], transactional: boolean): number {
  const factor = transactional ? TRANSACTIONAL_FACTOR : 1;
  return befores.reduce<number>((sum, before) => sum + factor * writeUnits(size(before)), 0);
}

/**
 * Units one base-table write costs an index, per AWS's GSI rules: a new or removed entry 1 write, a
 * key change 2 (delete and put), a change of projected attributes 1, nothing when the item is in
 * the index neither before nor after. Each write is sized by the entry (KEYS_ONLY: the keys).
 */
export function indexWriteUnits(
  index: TableIndex,
  before: WireItem | undefined,
  after: WireItem | undefined,
): number {
  const wasIn = before !== undefined && inIndex(index, before);
  const isIn = after !== undefined && inIndex(index, after);
  const entry = (item: WireItem) => writeUnits(itemBytes(projected(index, item)));
  if (wasIn && isIn) {
    if (!sameValues(keyNames(index), before, after)) return entry(before) + entry(after);
    const changed = !sameValues(Object.keys({ ...before, ...after }), before, after);
    return index.projection === 'ALL' && changed ? Math.max(entry(before), entry(after)) : 0;
  }
  if (wasIn) return entry(before);
  if (isIn) return entry(after);
  return 0;
}

function inIndex(index: TableIndex, item: WireItem): boolean {
  return keyNames(index).every((name) => item[name] !== undefined);
}

function keyNames(index: TableIndex): string[] {
  return index.sortKey === undefined ? [index.partitionKey] : [index.partitionKey, index.sortKey];
}

/** What an index entry holds: everything (ALL), or the table's and the index's keys. */
function projected(index: TableIndex, item: WireItem): WireItem {
  if (index.projection === 'ALL') return item;
  const names = new Set([ITEMS_TABLE.partitionKey, ITEMS_TABLE.sortKey, ...keyNames(index)]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}

function sameValues(names: readonly string[], a: WireItem, b: WireItem): boolean {
  return names.every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
}

function size(item: WireItem | undefined): number {
  return item === undefined ? 0 : itemBytes(item);
}

/**
 * AWS list prices in us-east-1 as known on PRICES_AS_OF, not fetched: check them
 * (aws.amazon.com/dynamodb/pricing, /lambda/pricing, /api-gateway/pricing) before quoting a cost.
 */
export const PRICES_AS_OF = '2026-12-04';
export const PRICES = {
  /** DynamoDB on-demand, per million write request units (after the November 2024 cut). */
  writeRequestUnit: 0.625,
  /** DynamoDB on-demand, per million read request units. */
  readRequestUnit: 0.125,
  /** Lambda on arm64, per GB-second (first tier). */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per million requests. */
  lambdaRequests: 0.2,
  /** API Gateway REST API, per million requests (first 333 million). */
  restApiRequests: 3.5,
  /** API Gateway HTTP API, per million requests (first 300 million). */
  httpApiRequests: 1.0,
} as const;

/** The API function's configured memory (infra/constructs/api-function.ts). */
export const LAMBDA_MEMORY_MB = 512;

/** Units per request of one operation, with the Lambda duration it was measured at. */
export interface OperationUnits {
  readonly rcu: number;
  readonly wcu: number;
  /** Milliseconds per call; Lambda bills each invocation rounded up to the next millisecond. */
  readonly durationMs: number;
}

export interface MixCost {
  /** Dollars per million API requests, by component. */
  readonly dynamodb: number;
  readonly lambdaRequests: number;
  readonly lambdaDuration: number;
  readonly restApi: number;
  readonly httpApi: number;
  readonly totalRestApi: number;
  readonly totalHttpApi: number;
}

/** Dollars per million requests of a mix (shares summing to 1) of operations with their units. */
export function mixCost(mix: readonly { share: number; units: OperationUnits }[]): MixCost {
  let dynamodb = 0;
  let gbSeconds = 0;
  for (const { share, units } of mix) {
    dynamodb += share * (units.wcu * PRICES.writeRequestUnit + units.rcu * PRICES.readRequestUnit);
    gbSeconds += share * (LAMBDA_MEMORY_MB / 1024) * (Math.ceil(units.durationMs) / 1000);
  }
  const lambdaDuration = gbSeconds * 1e6 * PRICES.lambdaGbSecond;
  const shared = dynamodb + PRICES.lambdaRequests + lambdaDuration;
  return {
    dynamodb,
    lambdaRequests: PRICES.lambdaRequests,
    lambdaDuration,
    restApi: PRICES.restApiRequests,
    httpApi: PRICES.httpApiRequests,
    totalRestApi: shared + PRICES.restApiRequests,
    totalHttpApi: shared + PRICES.httpApiRequests,
  };
}

/** On-demand dollars of some units: how the ratio weighs reads against writes (a WCU is 5 RCU). */
export function unitCost(rcu: number, wcu: number): number {
  return rcu * PRICES.readRequestUnit + wcu * PRICES.writeRequestUnit;
}
