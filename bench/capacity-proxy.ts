/**
 * A loopback proxy in front of DynamoDB Local for the capacity benchmark (issue 22): it asks every
 * request of the DynamoDB JSON protocol for `ReturnConsumedCapacity: INDEXES` and records, per
 * call, the units the answer reports, or, where Local does not report as AWS bills (transactions,
 * failed conditions), the units AWS's rules give (bench/capacity-units.ts), marked computed.
 * Answers pass through untouched: the SDK checks their CRC32.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ITEMS_TABLE } from '../src/storage/dynamodb/table-design';
import {
  committedTransactionUnits,
  failedWriteUnits,
  type TransactionAction,
  type WireItem,
} from './capacity-units';

export interface RecordedCall {
  /** The protocol operation, with a transaction's actions: `TransactWriteItems[Put,Put]`. */
  readonly call: string;
  readonly rcu: number;
  readonly wcu: number;
  /** Units from AWS's rules rather than from the answer. */
  readonly computed: boolean;
  /** What DynamoDB Local reported, when the units are computed. */
  readonly reported?: number;
}

export interface CapacityProxy {
  readonly endpoint: string;
  /** Calls from now on are recorded under `label`; `undefined` records nothing (set-up traffic). */
  attribute(label: string | undefined): void;
  calls(label: string): readonly RecordedCall[];
  /** A record as stored now, read past the proxy (so never recorded). */
  read(tableName: string, key: WireItem): Promise<WireItem | undefined>;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';
const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const SINGLE_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const ACTIONS = ['Put', 'Update', 'Delete', 'ConditionCheck'] as const;

export async function startCapacityProxy(engineEndpoint: string): Promise<CapacityProxy> {
  const engine = new URL(engineEndpoint);
  const recorded = new Map<string, RecordedCall[]>();
  let label: string | undefined;

  const forward = (
    incoming: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const { host: _host, 'content-length': _length, ...headers } = incoming.headers;
      const outgoing = httpRequest(
        {
          host: engine.hostname,
          port: engine.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...headers, host: engine.host, 'content-length': body.length },
        },
        (response) => {
          readBody(response).then(
            (answer) =>
              resolve({ status: response.statusCode ?? 500, headers: response.headers, body: answer }),
            reject,
          );
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });

  const read = async (tableName: string, key: WireItem): Promise<WireItem | undefined> => {
    const response = await fetch(engineEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `${TARGET_PREFIX}GetItem`,
        // DynamoDB Local wants a signature's shape, not a valid one.
        Authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify({ TableName: tableName, Key: key, ConsistentRead: true }),
    });
    const answer = asRecord(await response.json());
    if (!response.ok) throw new Error(`GetItem past the proxy failed: ${JSON.stringify(answer)}`);
    const item = answer.Item;
    return item === undefined ? undefined : (asRecord(item) as WireItem);
  };

  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const raw = await readBody(incoming);
      const operation = String(incoming.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
      const current = label;
      const input = raw.length === 0 ? {} : asRecord(JSON.parse(raw.toString('utf8')));
      const body = Buffer.from(JSON.stringify({ ...input, ReturnConsumedCapacity: 'INDEXES' }));
      // The stored records before a write: what a failed condition or a transaction is sized by.
      const actions = current === undefined ? [] : writeActions(operation, input);
      const befores = await Promise.all(actions.map(({ tableName, key }) => read(tableName, key)));
      const answer = await forward(incoming, body);
      outgoing.writeHead(answer.status, answer.headers);
      outgoing.end(answer.body);
      if (current === undefined) return;
      const parsed = asRecord(JSON.parse(answer.body.toString('utf8') || '{}'));
      const call = await measure(operation, input, parsed, answer.status, actions, befores);
      recorded.set(current, [...(recorded.get(current) ?? []), call]);
    })().catch((error: unknown) => {
      outgoing.writeHead(500, { 'Content-Type': 'text/plain' });
      outgoing.end(error instanceof Error ? error.message : String(error));
    });
  });

  const measure = async (
    operation: string,
    input: Record<string, unknown>,
    answer: Record<string, unknown>,
    status: number,
    actions: readonly WriteAction[],
    befores: readonly (WireItem | undefined)[],
  ): Promise<RecordedCall> => {
    const reported = reportedUnits(answer.ConsumedCapacity);
    const isRead = READS.has(operation);
    if (operation === 'TransactWriteItems') {
      const call = `${operation}[${actions.map(({ kind }) => kind).join(',')}]`;
      if (status !== 200) {
        return { call, rcu: 0, wcu: failedWriteUnits(befores, true), computed: true, reported };
      }
      const afters = await Promise.all(actions.map(({ tableName, key }) => read(tableName, key)));
      const computed: TransactionAction[] = actions.map(({ kind, item }, index) => ({
        kind,
        ...(item !== undefined && { item }),
        ...withImage('before', befores[index]),
        ...withImage('after', afters[index]),
      }));
      return { call, rcu: 0, wcu: committedTransactionUnits(computed).total, computed: true, reported };
    }
    const call = describeCall(operation, input);
    if (status !== 200 && SINGLE_WRITES.has(operation)) {
      return { call, rcu: 0, wcu: failedWriteUnits(befores, false), computed: true, reported };
    }
    return { call, rcu: isRead ? reported : 0, wcu: isRead ? 0 : reported, computed: false };
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    attribute(next) {
      label = next;
    },
    calls: (name) => recorded.get(name) ?? [],
    read,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface WriteAction {
  readonly kind: (typeof ACTIONS)[number];
  readonly tableName: string;
  readonly key: WireItem;
  readonly item?: WireItem;
}

/** The records a write request touches, each with its key. */
function writeActions(operation: string, input: Record<string, unknown>): WriteAction[] {
  if (operation === 'TransactWriteItems') {
    const items = Array.isArray(input.TransactItems) ? input.TransactItems : [];
    return items.flatMap((entry: unknown) => {
      const record = asRecord(entry);
      const kind = ACTIONS.find((name) => record[name] !== undefined);
      return kind === undefined ? [] : [action(kind, asRecord(record[kind]))];
    });
  }
  const kinds = { PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete' } as const;
  const kind = operation in kinds ? kinds[operation as keyof typeof kinds] : undefined;
  return kind === undefined ? [] : [action(kind, input)];
}

function action(kind: WriteAction['kind'], input: Record<string, unknown>): WriteAction {
  const item = input.Item === undefined ? undefined : (asRecord(input.Item) as WireItem);
  const source = item ?? (asRecord(input.Key) as WireItem);
  const key: Record<string, WireItem[string]> = {};
  for (const name of [ITEMS_TABLE.partitionKey, ITEMS_TABLE.sortKey]) {
    const value = source[name];
    if (value !== undefined) key[name] = value;
  }
  return { kind, tableName: String(input.TableName), key, ...(item !== undefined && { item }) };
}

function withImage(name: 'before' | 'after', image: WireItem | undefined): Partial<TransactionAction> {
  return image === undefined ? {} : { [name]: image };
}

/** A Query names its index and consistency, a GetItem its consistency: they decide the units. */
function describeCall(operation: string, input: Record<string, unknown>): string {
  const index = typeof input.IndexName === 'string' ? ` ${input.IndexName}` : '';
  const strong = input.ConsistentRead === true ? ' strong' : READS.has(operation) ? ' eventual' : '';
  const limit = typeof input.Limit === 'number' ? ` Limit ${input.Limit}` : '';
  return `${operation}${index}${strong}${limit}`;
}

/** Capacity units an answer reports: one object, or one per table (transactions, batches). */
function reportedUnits(consumed: unknown): number {
  const entries = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  return entries.reduce<number>((sum, entry) => {
    const units = asRecord(entry).CapacityUnits;
    return sum + (typeof units === 'number' ? units : 0);
  }, 0);
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
