import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { uuidv7 } from '../../../src/ids/uuid-v7';
import { ItemNotFoundError, VersionMismatchError } from '../../../src/resources/items/errors';
import type { Item, ItemChanges } from '../../../src/resources/items/item';
import { itemSortKey } from '../../../src/resources/items/item-record';
import { ownerKey, ownerStatusKey } from '../../../src/storage/dynamodb/table-design';
import { useTestRepository } from '../../support/table';

const CREATED = '2026-11-23T10:00:00.000Z';
const LATER = '2026-11-23T11:30:00.000Z';

function newItem(overrides: Partial<Item> = {}): Item {
  return {
    id: uuidv7(),
    name: 'Quarterly report',
    description: 'Numbers for Q3',
    status: 'active',
    createdAt: CREATED,
    updatedAt: CREATED,
    version: 1,
    ...overrides,
  };
}

/** Each test has its own owner, so the tests of one table never see each other's items. */
const newOwner = (): string => `owner-${randomUUID()}`;

describe('DynamoDbItemRepository on DynamoDB Local', () => {
  const table = useTestRepository();
  const stored = async (owner: string, id: string) =>
    (
      await table.client.send(
        new GetCommand({ TableName: table.tableName, Key: { pk: ownerKey(owner), sk: itemSortKey(id) } }),
      )
    ).Item;

  describe('insert and find', () => {
    it.each([
      ['with a description', newItem()],
      ['without a description', newItem({ description: undefined, status: 'archived' })],
    ])('reads back exactly the item it stored, %s', async (_case, item) => {
      // Prepare
      const owner = newOwner();

      // Act
      await table.repository.insert(owner, item, randomUUID());
      const found = await table.repository.find(owner, item.id);

      // Assess
      expect(found).toEqual(item);
      expect(found !== undefined && 'description' in found).toBe(item.description !== undefined);
    });

    it('stores the keys of the table design beside the fields', async () => {
      const owner = newOwner();
      const item = newItem({ status: 'archived' });

      await table.repository.insert(owner, item, randomUUID());

      const { Item: record } = await table.client.send(
        new GetCommand({
          TableName: table.tableName,
          Key: { pk: ownerKey(owner), sk: itemSortKey(item.id) },
        }),
      );
      expect(record).toMatchObject({ pk: ownerKey(owner), ownerStatus: ownerStatusKey(owner, 'archived') });
    });

    it('keeps an item of the default status out of the status index (no index write)', async () => {
      const owner = newOwner();
      const item = newItem({ status: 'active' });

      await table.repository.insert(owner, item, randomUUID());

      const record = await stored(owner, item.id);
      expect(record).toMatchObject({ pk: ownerKey(owner), status: 'active' });
      expect(record).not.toHaveProperty('ownerStatus');
    });

    it('moves an item into the status index and out again as its status changes', async () => {
      const owner = newOwner();
      const item = newItem({ status: 'active' });
      await table.repository.insert(owner, item, randomUUID());

      await table.repository.update(owner, item.id, { status: 'archived', updatedAt: LATER }, randomUUID());
      const archived = await stored(owner, item.id);
      await table.repository.update(owner, item.id, { status: 'active', updatedAt: LATER }, randomUUID());
      const active = await stored(owner, item.id);

      expect(archived).toMatchObject({ ownerStatus: ownerStatusKey(owner, 'archived') });
      expect(active).not.toHaveProperty('ownerStatus');
    });

    it("finds nothing in another owner's scope", async () => {
      const item = newItem();
      await table.repository.insert(newOwner(), item, randomUUID());

      expect(await table.repository.find(newOwner(), item.id)).toBeUndefined();
    });

    it('refuses to insert over an existing item, leaving it as it was', async () => {
      const owner = newOwner();
      const item = newItem();
      await table.repository.insert(owner, item, randomUUID());

      await expect(
        table.repository.insert(owner, { ...item, name: 'overwritten' }, randomUUID()),
      ).rejects.toThrow();

      expect(await table.repository.find(owner, item.id)).toEqual(item);
    });
  });

  describe('update', () => {
    it('applies the changes and bumps the version, keeping what the changes omit', async () => {
      // Prepare
      const owner = newOwner();
      const item = newItem();
      await table.repository.insert(owner, item, randomUUID());

      // Act
      const updated = await table.repository.update(
        owner,
        item.id,
        { name: 'Renamed', updatedAt: LATER },
        randomUUID(),
      );

      // Assess
      const expected: Item = { ...item, name: 'Renamed', updatedAt: LATER, version: 2 };
      expect(updated).toEqual(expected);
      expect(await table.repository.find(owner, item.id)).toEqual(expected);
    });

    it('removes the description on null and moves the item to its new status', async () => {
      const owner = newOwner();
      const item = newItem();
      await table.repository.insert(owner, item, randomUUID());

      const updated = await table.repository.update(
        owner,
        item.id,
        { description: null, status: 'archived', updatedAt: LATER },
        randomUUID(),
      );

      expect(updated).not.toHaveProperty('description');
      expect(updated.status).toBe('archived');
      const archived = await table.repository.list(owner, { limit: 10, status: 'archived' });
      const active = await table.repository.list(owner, { limit: 10, status: 'active' });
      expect(archived.items.map(({ id }) => id)).toEqual([item.id]);
      expect(active.items).toEqual([]);
    });

    it('writes when the item is at one of the expected versions', async () => {
      const owner = newOwner();
      const item = newItem({ version: 3 });
      await table.repository.insert(owner, item, randomUUID());

      const updated = await table.repository.update(
        owner,
        item.id,
        { updatedAt: LATER },
        randomUUID(),
        [2, 3],
      );

      expect(updated.version).toBe(4);
    });
  });

  describe('delete', () => {
    it('removes the item', async () => {
      const owner = newOwner();
      const item = newItem();
      await table.repository.insert(owner, item, randomUUID());

      await table.repository.delete(owner, item.id, randomUUID(), [1]);

      expect(await table.repository.find(owner, item.id)).toBeUndefined();
    });

    it('leaves a tombstone of keys and markers that time to live removes after the idempotency window', async () => {
      // Prepare: an archived item, so it has an entry in the status index to lose too.
      const owner = newOwner();
      const item = newItem({ status: 'archived' });
      await table.repository.insert(owner, item, randomUUID());
      const writeId = randomUUID();
      const before = Math.floor(Date.now() / 1000);

      // Act
      await table.repository.delete(owner, item.id, writeId);

      // Assess
      const tombstone = await stored(owner, item.id);
      expect(tombstone).toEqual({
        pk: ownerKey(owner),
        sk: itemSortKey(item.id),
        lastWrite: writeId,
        deletedAt: expect.any(String),
        expiresAt: expect.any(Number),
      });
      const expiresIn = Number(tombstone?.expiresAt) - before;
      expect(expiresIn).toBeGreaterThanOrEqual(24 * 60 * 60);
      expect(expiresIn).toBeLessThanOrEqual(24 * 60 * 60 + 5);
      expect((await table.repository.list(owner, { limit: 10, status: 'archived' })).items).toEqual([]);
    });

    it('answers a deleted item as gone to every read and write, whatever version was expected', async () => {
      // Prepare
      const owner = newOwner();
      const item = newItem();
      await table.repository.insert(owner, item, randomUUID());
      await table.repository.delete(owner, item.id, randomUUID());

      // Act
      const outcomes = await Promise.allSettled([
        table.repository.update(owner, item.id, changes, randomUUID()),
        table.repository.update(owner, item.id, changes, randomUUID(), [1]),
        table.repository.update(owner, item.id, changes, randomUUID(), [2]),
        table.repository.delete(owner, item.id, randomUUID()),
        table.repository.delete(owner, item.id, randomUUID(), [2]),
      ]);

      // Assess: 404, never 412 (there is no version to mismatch) nor a second success.
      expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason)).toEqual(
        outcomes.map(() => expect.any(ItemNotFoundError)),
      );
      expect(await table.repository.find(owner, item.id)).toBeUndefined();
      expect((await table.repository.list(owner, { limit: 10 })).items).toEqual([]);
    });

    it('fills a page past the tombstones of many deleted items', async () => {
      // Prepare: the five newest deleted, so the first Query reads only tombstones.
      const owner = newOwner();
      const kept = [newItem({ name: 'oldest' }), newItem({ name: 'older' })];
      const deleted = Array.from({ length: 5 }, () => newItem());
      for (const item of [...kept, ...deleted]) await table.repository.insert(owner, item, randomUUID());
      for (const item of deleted) await table.repository.delete(owner, item.id, randomUUID());

      // Act
      const page = await table.repository.list(owner, { limit: 1 });
      const active = await table.repository.list(owner, { limit: 2, status: 'active' });

      // Assess
      expect(page).toEqual({ items: [kept[1]], hasMore: true });
      expect(active).toEqual({ items: [kept[1], kept[0]], hasMore: false });
    });
  });

  // A failed condition is told apart by the old image: none means no such item (for this owner).
  const changes: ItemChanges = { name: 'should not be written', updatedAt: LATER };
  const writes = {
    update: (owner: string, id: string, expected?: readonly number[]) =>
      table.repository.update(owner, id, changes, randomUUID(), expected),
    delete: (owner: string, id: string, expected?: readonly number[]) =>
      table.repository.delete(owner, id, randomUUID(), expected),
  };
  describe.each(Object.entries(writes))('a conditional %s', (_write, write) => {
    it.each([
      ['no such item', 'none', undefined, ItemNotFoundError],
      ['no such item, with expected versions', 'none', [1], ItemNotFoundError],
      ["another owner's item", 'another owner', undefined, ItemNotFoundError],
      ["another owner's item at the expected version", 'another owner', [1], ItemNotFoundError],
      ['an item at another version', 'owner', [2, 3], VersionMismatchError],
      ['an item when no version can match (only weak tags)', 'owner', [], VersionMismatchError],
    ] as const)(
      'of %s throws its domain error and writes nothing',
      async (_case, holder, expected, error) => {
        // Prepare
        const owner = newOwner();
        const item = newItem();
        const holderOwner = holder === 'owner' ? owner : newOwner();
        if (holder !== 'none') await table.repository.insert(holderOwner, item, randomUUID());

        // Act
        const written = write(owner, item.id, expected);

        // Assess
        await expect(written).rejects.toThrow(error);
        await expect(written).rejects.toMatchObject({ itemId: item.id });
        if (holder !== 'none') expect(await table.repository.find(holderOwner, item.id)).toEqual(item);
      },
    );
  });

  describe('list', () => {
    const owner = newOwner();
    const items: Item[] = [];
    beforeAll(async () => {
      // UUIDv7 ids sort by creation; insert them out of order to show the order is the key's.
      for (let index = 0; index < 7; index += 1) {
        items.push(newItem({ name: `item ${index}`, status: index % 2 === 0 ? 'active' : 'archived' }));
      }
      for (const item of [...items].reverse()) await table.repository.insert(owner, item, randomUUID());
      await table.repository.insert(newOwner(), newItem({ name: 'someone else' }), randomUUID());
    });
    const newestFirst = (status?: Item['status']) =>
      [...items].reverse().filter((item) => status === undefined || item.status === status);

    it.each([undefined, 'active', 'archived'] as const)(
      'pages newest first with status %s, exactly once each, saying when more follow',
      async (status) => {
        // Act
        const pages: Array<{ ids: string[]; hasMore: boolean }> = [];
        let after: string | undefined;
        do {
          const page = await table.repository.list(owner, {
            limit: 2,
            ...(status !== undefined && { status }),
            ...(after !== undefined && { after }),
          });
          pages.push({ ids: page.items.map(({ id }) => id), hasMore: page.hasMore });
          after = page.hasMore ? page.items.at(-1)?.id : undefined;
        } while (after !== undefined);

        // Assess
        const expected = newestFirst(status).map(({ id }) => id);
        expect(pages.flatMap(({ ids }) => ids)).toEqual(expected);
        expect(pages.map(({ ids }) => ids.length)).toEqual(
          pages.map((_, index) => Math.min(2, expected.length - 2 * index)),
        );
        expect(pages.map(({ hasMore }) => hasMore)).toEqual(
          pages.map((_, index) => index < pages.length - 1),
        );
      },
    );

    it('finds the few items of the default status among many others (the filtered read goes on)', async () => {
      // Prepare: the oldest item is the one active item, under 40 newer archived ones.
      const sparseOwner = newOwner();
      const active = newItem({ name: 'the active one' });
      await table.repository.insert(sparseOwner, active, randomUUID());
      for (let index = 0; index < 40; index += 1)
        await table.repository.insert(sparseOwner, newItem({ status: 'archived' }), randomUUID());

      // Act
      const page = await table.repository.list(sparseOwner, { limit: 1, status: 'active' });

      // Assess
      expect(page).toEqual({ items: [active], hasMore: false });
    });

    it('returns whole items, as stored', async () => {
      const page = await table.repository.list(owner, { limit: 100 });

      expect(page).toEqual({ items: newestFirst(), hasMore: false });
    });

    it('says there is no more when the last page is exactly full', async () => {
      const page = await table.repository.list(owner, { limit: items.length });

      expect(page.items).toHaveLength(items.length);
      expect(page.hasMore).toBe(false);
    });
  });
});
