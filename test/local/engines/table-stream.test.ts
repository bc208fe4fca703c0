import { DeleteItemCommand, PutItemCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  ExpiredIteratorException,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { ShardPage, StreamReader } from '../../../src/local/engines/stream-reader';
import { followStream, followTableStream, type TableStream } from '../../../src/local/engines/table-stream';
import type { Logger } from '../../../src/logger';
import { createDynamoDbClient } from '../../../src/storage/dynamodb/document-client';
import { eventually } from '../../support/eventually';
import { memoryLogger } from '../../support/media';
import { createTestTable, engineEndpoint } from '../../support/table';

const POLL_MS = 20;

/** Long enough for several polls: a record delivered twice would have arrived by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10 * POLL_MS));

const linesAt = (logger: ReturnType<typeof memoryLogger>, level: string) =>
  logger.lines.filter((line) => line.level === level);

/** Followers started by a test, stopped after it whatever its outcome. */
const followers: TableStream[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.stop()));
});

/** Starts `start` and records the sort keys of the removed records it delivers, in order. */
async function collect(
  start: (onRemove: (removed: Readonly<Record<string, unknown>>) => Promise<void>) => Promise<TableStream>,
): Promise<string[]> {
  const removed: string[] = [];
  followers.push(
    await start(async (image) => {
      removed.push(String(image.sk));
    }),
  );
  return removed;
}

const delivered = (removed: readonly string[], count: number) =>
  eventually(`${count} removals delivered`, async () => (removed.length >= count ? true : undefined));

describe('followTableStream on DynamoDB Local', () => {
  const client = createDynamoDbClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  afterAll(() => client.destroy());

  const put = (tableName: string, sk: string) =>
    client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'OWNER#stream' }, sk: { S: sk } } }),
    );
  const remove = (tableName: string, sk: string) =>
    client.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: 'OWNER#stream' }, sk: { S: sk } } }),
    );
  const putAndRemove = async (tableName: string, keys: readonly string[]) => {
    for (const sk of keys) await put(tableName, sk);
    for (const sk of keys) await remove(tableName, sk);
  };
  const follow = (tableName: string, logger: Logger) =>
    collect((onRemove) =>
      followTableStream({
        client,
        endpoint: engineEndpoint(),
        region: 'us-east-1',
        tableName,
        onRemove,
        logger,
        pollIntervalMs: POLL_MS,
      }),
    );

  it('delivers every REMOVE once on a table made before it started, after another table was written to', async () => {
    // DynamoDB Local numbers the records of all tables in one sequence, and an iterator on an
    // empty shard stays at the shard's first number: the other table's writes put this table's
    // first record past it, which DynamoDB Local answers with TrimmedDataAccessException.
    const tableName = await createTestTable();
    const other = await createTestTable();
    await putAndRemove(other, ['other-1', 'other-2']);
    const logger = memoryLogger();
    const removed = await follow(tableName, logger);

    await putAndRemove(tableName, ['a', 'b', 'c']);
    await delivered(removed, 3);
    await putAndRemove(tableName, ['d', 'e']);
    await delivered(removed, 5);
    await settle();

    expect(removed).toEqual(['a', 'b', 'c', 'd', 'e']);
    // One when DynamoDB Local refuses the position; none in the occasional poll that reads the shard's
    // first record while it is being written (DynamoDB Local checks the position before reading).
    expect(linesAt(logger, 'warn').length).toBeLessThanOrEqual(1);
    expect(linesAt(logger, 'error')).toEqual([]);
  });

  it('passes over what the table held when it started', async () => {
    const tableName = await createTestTable();
    await putAndRemove(tableName, ['before']);
    const logger = memoryLogger();
    const removed = await follow(tableName, logger);

    await putAndRemove(tableName, ['after']);
    await delivered(removed, 1);
    await settle();

    expect(removed).toEqual(['after']);
    expect(linesAt(logger, 'error')).toEqual([]);
  });

  it('delivers a record turned into a tombstone, with its live image, and not the tombstone expiring later', async () => {
    // Prepare
    const tableName = await createTestTable();
    const logger = memoryLogger();
    const removed: Array<Readonly<Record<string, unknown>>> = [];
    followers.push(
      await followTableStream({
        client,
        endpoint: engineEndpoint(),
        region: 'us-east-1',
        tableName,
        onRemove: async (image) => {
          removed.push(image);
        },
        logger,
        pollIntervalMs: POLL_MS,
      }),
    );
    const key = { pk: { S: 'OWNER#stream' }, sk: { S: 'ITEM#t' } };

    // Act: an update, the tombstone (as a delete writes it), then time to live's REMOVE of it.
    await client.send(new PutItemCommand({ TableName: tableName, Item: { ...key, name: { S: 'first' } } }));
    await client.send(new PutItemCommand({ TableName: tableName, Item: { ...key, name: { S: 'second' } } }));
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...key, deletedAt: { S: '2026-12-05T00:00:00.000Z' }, expiresAt: { N: '1' } },
      }),
    );
    await remove(tableName, 'ITEM#t');
    await put(tableName, 'ITEM#marker');
    await remove(tableName, 'ITEM#marker');
    await eventually('the marker removal delivered', async () => (removed.length >= 2 ? true : undefined));
    await settle();

    // Assess
    expect(removed).toEqual([
      { pk: 'OWNER#stream', sk: 'ITEM#t', name: 'second' },
      { pk: 'OWNER#stream', sk: 'ITEM#marker' },
    ]);
    expect(linesAt(logger, 'error')).toEqual([]);
  });

  it('reads a shard that closes (its stream disabled) to its end, and then leaves it', async () => {
    const tableName = await createTestTable();
    const logger = memoryLogger();
    const removed = await follow(tableName, logger);

    await putAndRemove(tableName, ['a', 'b']);
    await client.send(
      new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }),
    );
    await delivered(removed, 2);
    await settle();

    expect(removed).toEqual(['a', 'b']);
    expect(linesAt(logger, 'error')).toEqual([]);
  });
});

interface MemoryShard {
  shard: Shard;
  readonly records: _Record[];
  /** Records numbered up to this one are gone, as after DynamoDB's 24 hours. */
  trimmedThrough: bigint;
}

/**
 * A stream held in memory, for what DynamoDB Local cannot be made to do over HTTP: it never rolls
 * a shard over (its rollover job only runs when it is embedded in a JVM), its iterators expire
 * only after 15 minutes and its records only after 24 hours. Positions, pages and failures follow
 * the DynamoDB Streams API reference; pages hold two records, so shards take several.
 */
class MemoryStream implements StreamReader {
  private readonly byId = new Map<string, MemoryShard>();
  private readonly issued = new Map<string, { shardId: string; after: bigint; generation: number }>();
  private sequence = 0n;
  private generation = 0;

  open(shardId: string, parentShardId?: string): void {
    const range = { StartingSequenceNumber: String(this.sequence + 1n) };
    this.byId.set(shardId, {
      shard: { ShardId: shardId, ParentShardId: parentShardId, SequenceNumberRange: range },
      records: [],
      trimmedThrough: 0n,
    });
  }

  remove(shardId: string, sk: string): string {
    this.sequence += 1n;
    const sequenceNumber = String(this.sequence);
    this.at(shardId).records.push({
      eventName: 'REMOVE',
      dynamodb: { SequenceNumber: sequenceNumber, OldImage: { pk: { S: 'OWNER#stream' }, sk: { S: sk } } },
    });
    return sequenceNumber;
  }

  close(shardId: string): void {
    const held = this.at(shardId);
    const range = { ...held.shard.SequenceNumberRange, EndingSequenceNumber: String(this.sequence) };
    held.shard = { ...held.shard, SequenceNumberRange: range };
  }

  trimThrough(shardId: string, sequenceNumber: string): void {
    this.at(shardId).trimmedThrough = BigInt(sequenceNumber);
  }

  /** Every iterator handed out so far fails with ExpiredIteratorException from now on. */
  expireIterators(): void {
    this.generation += 1;
  }

  /** Newest first: the API promises no order, and parents first would hide a follower ignoring them. */
  async shards(): Promise<readonly Shard[]> {
    return [...this.byId.values()].map(({ shard }) => shard).reverse();
  }

  async iterator(shardId: string, sequenceNumber: string | undefined): Promise<string> {
    const held = this.at(shardId);
    const after = sequenceNumber === undefined ? held.trimmedThrough : BigInt(sequenceNumber);
    if (after < held.trimmedThrough) throw trimmed();
    return this.issue(shardId, after);
  }

  async page(iterator: string): Promise<ShardPage> {
    const position = this.issued.get(iterator);
    if (position === undefined) throw new Error(`unknown iterator ${iterator}`);
    if (position.generation !== this.generation) {
      throw new ExpiredIteratorException({ message: 'Iterator expired', $metadata: {} });
    }
    const held = this.at(position.shardId);
    if (position.after < held.trimmedThrough) throw trimmed();
    const after = held.records.filter((record) => numberOf(record) > position.after);
    const records = after.slice(0, 2);
    const last = records.at(-1);
    const closed = held.shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
    const next =
      closed && after.length === records.length
        ? undefined
        : this.issue(position.shardId, last === undefined ? position.after : numberOf(last));
    return { records, next };
  }

  private issue(shardId: string, after: bigint): string {
    const iterator = `iterator-${this.issued.size + 1}`;
    this.issued.set(iterator, { shardId, after, generation: this.generation });
    return iterator;
  }

  private at(shardId: string): MemoryShard {
    const held = this.byId.get(shardId);
    if (held === undefined) throw new Error(`no shard ${shardId}`);
    return held;
  }
}

const numberOf = (record: _Record): bigint => BigInt(record.dynamodb?.SequenceNumber ?? '0');
const trimmed = () =>
  new TrimmedDataAccessException({
    message: 'The operation attempted to read past the oldest stream record in a shard.',
    $metadata: {},
  });

describe('followStream (shard changes DynamoDB Local does not make)', () => {
  const follow = (stream: MemoryStream, logger: Logger) =>
    collect((onRemove) => followStream(stream, { onRemove, logger, pollIntervalMs: POLL_MS }));

  /** A follower on a stream of one shard, after it has delivered the shard's first record, `a`. */
  const followingAfterFirstRecord = async () => {
    const stream = new MemoryStream();
    stream.open('shard-1');
    const logger = memoryLogger();
    const removed = await follow(stream, logger);
    stream.remove('shard-1', 'a');
    await delivered(removed, 1);
    return { stream, logger, removed };
  };

  it('reads a closed shard to its end before the child that replaced it, and skips shards closed at start', async () => {
    const stream = new MemoryStream();
    stream.open('shard-0');
    stream.remove('shard-0', 'history');
    stream.close('shard-0');
    stream.open('shard-1', 'shard-0');
    const logger = memoryLogger();
    const removed = await follow(stream, logger);

    // In one go, so that no poll runs in between: two generations of children appear at once.
    for (const sk of ['a', 'b', 'c']) stream.remove('shard-1', sk);
    stream.close('shard-1');
    stream.open('shard-2', 'shard-1');
    stream.remove('shard-2', 'd');
    stream.close('shard-2');
    stream.open('shard-3', 'shard-2');
    stream.remove('shard-3', 'e');
    await delivered(removed, 5);
    await settle();

    expect(removed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(logger.lines).toEqual([]);
  });

  it('reads on after the last record it handled when its iterator has expired, with one warning', async () => {
    const { stream, logger, removed } = await followingAfterFirstRecord();

    stream.expireIterators();
    stream.remove('shard-1', 'b');
    await delivered(removed, 2);
    await settle();

    expect(removed).toEqual(['a', 'b']);
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('position lost') }]);
  });

  it('reads from the oldest record left when the ones after its last are trimmed, missing none still there', async () => {
    const { stream, logger, removed } = await followingAfterFirstRecord();

    const gone = stream.remove('shard-1', 'b');
    stream.remove('shard-1', 'c');
    stream.remove('shard-1', 'd');
    stream.trimThrough('shard-1', gone);
    await delivered(removed, 3);
    await settle();

    expect(removed).toEqual(['a', 'c', 'd']);
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('position lost') }]);
  });
});
