import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbItemRepository } from '../../../src/resources/items/dynamodb-item-repository';
import type { Item } from '../../../src/resources/items/item';
import { toItemRecord } from '../../../src/resources/items/item-record';
import { createDocumentClient } from '../../../src/storage/dynamodb/document-client';
import { createTestTable, engineEndpoint } from '../../support/table';

describe('DynamoDbItemRepository on DynamoDB Local', () => {
  const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  let tableName = '';
  let repository: DynamoDbItemRepository;

  beforeAll(async () => {
    tableName = await createTestTable();
    repository = new DynamoDbItemRepository(client, tableName);
  });
  afterAll(() => client.destroy());

  const newItem = (index: number): Item => ({
    // Zero-padded so ids sort by index, as UUIDv7 ids sort by creation time.
    id: `01936b2e-8f4a-7c3d-9b1e-${String(index).padStart(12, '0')}`,
    name: `Item ${index}`,
    status: 'active',
    createdAt: '2026-11-20T09:15:02.481Z',
    updatedAt: '2026-11-20T09:15:02.481Z',
    version: 1,
  });

  it('stores and lists the items of a 2,048-character subject', async () => {
    // Prepare
    const owner = 's'.repeat(2048);
    const item = newItem(1);

    // Act
    await repository.insert(owner, item, randomUUID());

    // Assess
    expect(await repository.find(owner, item.id)).toEqual(item);
    expect((await repository.list(owner, { limit: 10, status: 'active' })).items).toEqual([item]);
  });

  it('follows LastEvaluatedKey past the 1 MB page limit, hiding no item', async () => {
    // Prepare: 12 items of ~300 KB each, so DynamoDB cuts every query page after 3 or 4 of them.
    const owner = `big-${randomUUID()}`;
    const items = Array.from({ length: 12 }, (_, index) => newItem(index));
    const padding = 'p'.repeat(300_000);
    for (const item of items) {
      await client.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName]: [{ PutRequest: { Item: { ...toItemRecord(owner, item, 'load'), padding } } }],
          },
        }),
      );
    }
    const newestFirst = [...items].reverse();

    // Act
    const first = await repository.list(owner, { limit: 10 });
    const rest = await repository.list(owner, { limit: 10, after: first.items.at(-1)?.id ?? '' });
    const byStatus = await repository.list(owner, { limit: 10, status: 'active' });

    // Assess
    expect(first.items).toEqual(newestFirst.slice(0, 10));
    expect(first.hasMore).toBe(true);
    expect(rest.items).toEqual(newestFirst.slice(10));
    expect(rest.hasMore).toBe(false);
    expect(byStatus.items).toEqual(newestFirst.slice(0, 10));
  });

  it('applies an update once when the same write is sent again', async () => {
    const owner = `retry-${randomUUID()}`;
    const item = newItem(2);
    await repository.insert(owner, item, randomUUID());
    const writeId = randomUUID();
    const changes = { name: 'renamed', updatedAt: '2026-11-21T00:00:00.000Z' };

    const first = await repository.update(owner, item.id, changes, writeId, [1]);
    const again = await repository.update(owner, item.id, changes, writeId, [1]);

    expect(first.version).toBe(2);
    expect(again).toEqual(first);
  });

  it('answers an insert sent again as the same stored item', async () => {
    const owner = `retry-${randomUUID()}`;
    const item = newItem(3);
    const writeId = randomUUID();

    await repository.insert(owner, item, writeId);
    const again = await repository.insert(owner, item, writeId);

    expect(again).toEqual({ item, replayed: false });
  });

  it('succeeds again for a delete sent again (its tombstone carries the request), and only for it', async () => {
    const owner = `retry-${randomUUID()}`;
    const item = newItem(4);
    await repository.insert(owner, item, randomUUID());
    const writeId = randomUUID();

    await repository.delete(owner, item.id, writeId, [1]);
    await expect(repository.delete(owner, item.id, writeId, [1])).resolves.toBeUndefined();
    await expect(repository.delete(owner, item.id, randomUUID())).rejects.toMatchObject({
      kind: 'item-not-found',
    });
  });
});
