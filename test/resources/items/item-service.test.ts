import { randomBytes, randomUUID } from 'node:crypto';
import { uuidv7 } from '../../../src/ids/uuid-v7';
import { InvalidPageTokenError } from '../../../src/paging/errors';
import { PageTokenCodec } from '../../../src/paging/page-token';
import { ItemNotFoundError, VersionMismatchError } from '../../../src/resources/items/errors';
import type { Item } from '../../../src/resources/items/item';
import { ItemService } from '../../../src/resources/items/item-service';
import type { WriteRequest } from '../../../src/writes/write-request';
import { useTestRepository } from '../../support/table';

const START = Date.parse('2026-11-23T10:00:00.000Z');

// The real DynamoDB repository on DynamoDB Local: the service's rules are only worth as much as
// the conditional writes and queries that carry them out.
describe('ItemService on the DynamoDB repository', () => {
  const table = useTestRepository();
  let clock = START;
  const tick = (): string => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };
  const ids: string[] = [];
  const service = () =>
    new ItemService({
      repository: table.repository,
      pageTokens: new PageTokenCodec(randomBytes(32), 3600),
      newId: () => {
        const id = uuidv7();
        ids.push(id);
        return id;
      },
      now: () => new Date(clock),
    });
  /** Each test has its own owner, so the tests of one table never see each other's items. */
  const newOwner = (): string => `owner-${randomUUID()}`;
  /** A request's write, new each time: none of these tests retries one. */
  const newWrite = (): WriteRequest => ({ writeId: randomUUID() });

  describe('create', () => {
    it('assigns the id, the clock time, version 1 and the default status, and stores the item', async () => {
      // Prepare
      const items = service();
      const owner = newOwner();
      const at = tick();

      // Act
      const created = await items.create(owner, { name: 'Quarterly report' }, newWrite());

      // Assess
      expect(created).toEqual({
        item: {
          id: ids.at(-1),
          name: 'Quarterly report',
          status: 'active',
          createdAt: at,
          updatedAt: at,
          version: 1,
        },
        replayed: false,
      });
      expect(await items.get(owner, created.item.id)).toEqual(created.item);
    });

    it('keeps a given description and status', async () => {
      const items = service();
      const owner = newOwner();

      const { item } = await items.create(
        owner,
        { name: 'n', description: 'd', status: 'archived' },
        newWrite(),
      );

      expect(await items.get(owner, item.id)).toMatchObject({ description: 'd', status: 'archived' });
    });
  });

  describe('get', () => {
    it.each([
      ['an id nobody has', async () => uuidv7()],
      [
        "another owner's item",
        async (items: ItemService) => (await items.create(newOwner(), { name: 'x' }, newWrite())).item.id,
      ],
    ])('reports %s as not found', async (_case, existing) => {
      const items = service();
      const id = await existing(items);

      await expect(items.get(newOwner(), id)).rejects.toEqual(new ItemNotFoundError(id));
    });
  });

  describe('replace and update', () => {
    async function stored(items: ItemService, owner: string): Promise<Item> {
      const { item } = await items.create(
        owner,
        { name: 'Draft', description: 'first notes', status: 'archived' },
        newWrite(),
      );
      return item;
    }

    it('replace makes the item equal to the fields, clearing what they omit, at the clock time', async () => {
      // Prepare
      const items = service();
      const owner = newOwner();
      const item = await stored(items, owner);
      const at = tick();

      // Act
      const replaced = await items.replace(owner, item.id, { name: 'Final' }, [1], newWrite());

      // Assess
      const expected: Item = {
        id: item.id,
        name: 'Final',
        status: 'active',
        createdAt: item.createdAt,
        updatedAt: at,
        version: 2,
      };
      expect(replaced).toEqual(expected);
      expect(await items.get(owner, item.id)).toEqual(expected);
    });

    it('update applies a merge patch: given fields set, null removes or resets, the rest kept', async () => {
      const items = service();
      const owner = newOwner();
      const item = await stored(items, owner);
      const at = tick();

      const updated = await items.update(
        owner,
        item.id,
        { description: null, status: null },
        undefined,
        newWrite(),
      );

      expect(updated).toEqual({
        id: item.id,
        name: 'Draft',
        status: 'active',
        createdAt: item.createdAt,
        updatedAt: at,
        version: 2,
      });
    });

    const writes = {
      replace: (items: ItemService, owner: string, id: string, expected: readonly number[]) =>
        items.replace(owner, id, { name: 'lost' }, expected, newWrite()),
      update: (items: ItemService, owner: string, id: string, expected: readonly number[]) =>
        items.update(owner, id, { name: 'lost' }, expected, newWrite()),
      delete: (items: ItemService, owner: string, id: string, expected: readonly number[]) =>
        items.delete(owner, id, expected, newWrite()),
    };
    describe.each(Object.entries(writes))('%s', (_write, write) => {
      it('refuses a stale version with VersionMismatchError, leaving the item as it was', async () => {
        const items = service();
        const owner = newOwner();
        const item = await stored(items, owner);
        await items.update(owner, item.id, { name: 'changed meanwhile' }, [1], newWrite());
        const current = await items.get(owner, item.id);

        await expect(write(items, owner, item.id, [1])).rejects.toEqual(new VersionMismatchError(item.id));

        expect(await items.get(owner, item.id)).toEqual(current);
      });

      it("reports another owner's item as not found, leaving it as it was", async () => {
        const items = service();
        const owner = newOwner();
        const item = await stored(items, owner);

        await expect(write(items, newOwner(), item.id, [1])).rejects.toEqual(new ItemNotFoundError(item.id));

        expect(await items.get(owner, item.id)).toEqual(item);
      });
    });
  });

  describe('delete', () => {
    it('removes the item, so reading it is not found', async () => {
      const items = service();
      const owner = newOwner();
      const { item } = await items.create(owner, { name: 'gone soon' }, newWrite());

      await items.delete(owner, item.id, undefined, newWrite());

      await expect(items.get(owner, item.id)).rejects.toEqual(new ItemNotFoundError(item.id));
    });
  });

  describe('list', () => {
    let items: ItemService;
    const owner = newOwner();
    const created: Item[] = [];
    beforeAll(async () => {
      items = service();
      for (let index = 0; index < 5; index += 1) {
        tick();
        const { item } = await items.create(
          owner,
          { name: `item ${index}`, status: index < 3 ? 'active' : 'archived' },
          newWrite(),
        );
        created.push(item);
      }
      await items.create(newOwner(), { name: 'not theirs' }, newWrite());
    });
    const newestFirst = (status?: Item['status']) =>
      [...created].reverse().filter((item) => status === undefined || item.status === status);

    it.each([undefined, 'active', 'archived'] as const)(
      "pages through the owner's items newest first, status %s, with a token only while more follow",
      async (status) => {
        // Act
        const pages: Array<{ items: readonly Item[]; nextPageToken?: string }> = [];
        let pageToken: string | undefined;
        do {
          const page = await items.list(owner, {
            limit: 2,
            ...(status !== undefined && { status }),
            ...(pageToken !== undefined && { pageToken }),
          });
          pages.push(page);
          pageToken = page.nextPageToken;
        } while (pageToken !== undefined);

        // Assess
        expect(pages.flatMap((page) => page.items)).toEqual(newestFirst(status));
        expect(pages.map((page) => page.nextPageToken !== undefined)).toEqual(
          pages.map((_, index) => index < pages.length - 1),
        );
      },
    );

    it.each([
      ['another owner', () => newOwner(), undefined],
      ['another status filter', () => owner, 'archived'],
      ['no status filter', () => owner, undefined],
    ] as const)('rejects a token replayed by %s', async (_case, caller, status) => {
      // Prepare: a token issued to the owner for active items.
      const first = await items.list(owner, { limit: 1, status: 'active' });
      const pageToken = first.nextPageToken;
      if (pageToken === undefined) throw new Error('expected a second page');

      // Act
      const replayed = items.list(caller(), { limit: 1, pageToken, ...(status !== undefined && { status }) });

      // Assess
      await expect(replayed).rejects.toEqual(new InvalidPageTokenError('signature'));
    });
  });
});
