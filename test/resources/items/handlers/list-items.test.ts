import type { Item } from '../../../support/api-types';
import { asPage, asProblem, createItem, listAll } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('listItems (GET /items) via %s', (transport) => {
  const api = useTestApi(transport);

  it('answers an empty page, without nextToken, when there are no items', async () => {
    const response = await api.call('GET', '/items');

    expect(response.status).toBe(200);
    expect(asPage(response)).toEqual({ items: [] });
  });

  describe('with items', () => {
    const created: Item[] = [];
    beforeAll(async () => {
      for (let index = 0; index < 45; index += 1) {
        created.push(
          await createItem(api, { name: `item ${index}`, status: index % 3 === 0 ? 'archived' : 'active' }),
        );
      }
    });
    const newestFirst = () => [...created].reverse();

    it('lists newest first, 20 by default, with a nextToken when more follow', async () => {
      const page = asPage(await api.call('GET', '/items'));

      expect(page.items).toEqual(newestFirst().slice(0, 20));
      expect(page.nextToken).toEqual(expect.any(String));
    });

    it('follows nextToken through every page without repeating or skipping, even with creates between pages', async () => {
      // Prepare
      const expected = newestFirst();
      const seen: Item[] = [];
      let token: string | undefined;
      let pages = 0;

      // Act
      do {
        const query = token === undefined ? '' : `&nextToken=${encodeURIComponent(token)}`;
        const page = asPage(await api.call('GET', `/items?limit=7${query}`));
        seen.push(...page.items);
        token = page.nextToken;
        pages += 1;
        // Items created mid-walk are newer than the cursor, so they must not show up on later pages.
        if (token !== undefined) await createItem(api, { name: `created during page ${pages}` });
      } while (token !== undefined);

      // Assess
      expect(pages).toBe(7);
      expect(seen).toEqual(expected);
    });

    it('filters by status with an index, paginating within the filter', async () => {
      const archived = newestFirst().filter((item) => item.status === 'archived');

      const listed = await listAll(api, '&status=archived', 4);

      expect(listed.filter((item) => item.name.startsWith('item '))).toEqual(archived);
      expect(listed.every((item) => item.status === 'archived')).toBe(true);
    });

    it('carries no nextToken on the last page, even when it is exactly full', async () => {
      const total = (await listAll(api)).length;

      const page = asPage(await api.call('GET', `/items?limit=${Math.min(total, 100)}`));

      expect(page.items).toHaveLength(Math.min(total, 100));
      expect(page.nextToken === undefined).toBe(total <= 100);
    });

    it.each([
      ['garbage', 'not-a-token'],
      ['an empty-looking token', '.'],
      ['a token with extra parts', 'a.b.c'],
    ])('answers 400 for a nextToken that is %s', async (_case, token) => {
      const response = await api.call('GET', `/items?nextToken=${encodeURIComponent(token)}`);

      expect(response.status).toBe(400);
      expect(asProblem(response)).toMatchObject({
        type: '/problems/invalid-page-token',
        errors: [{ parameter: 'nextToken', detail: 'not a valid page token' }],
      });
    });

    it('answers 400 for a nextToken altered by the client', async () => {
      // Prepare
      const token = asPage(await api.call('GET', '/items?limit=2')).nextToken ?? '';
      const [body = '', signature = ''] = token.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      const forged = `${Buffer.from(JSON.stringify({ ...payload, p: created[0]?.id })).toString('base64url')}.${signature}`;

      // Act
      const response = await api.call('GET', `/items?limit=2&nextToken=${encodeURIComponent(forged)}`);

      // Assess
      expect(response.status).toBe(400);
      expect(asProblem(response).type).toBe('/problems/invalid-page-token');
    });

    it('answers 400 for a nextToken used with another filter than the one that issued it', async () => {
      const token = asPage(await api.call('GET', '/items?limit=2&status=active')).nextToken ?? '';

      const response = await api.call(
        'GET',
        `/items?limit=2&status=archived&nextToken=${encodeURIComponent(token)}`,
      );

      expect(response.status).toBe(400);
      expect(asProblem(response).type).toBe('/problems/invalid-page-token');
    });
  });

  describe('across callers', () => {
    it("lists only the caller's own items, with one query on the caller's key", async () => {
      // Prepare
      const alices = [await createItem(api, { name: 'a1' }), await createItem(api, { name: 'a2' })].map(
        (item) => item.id,
      );
      await api.call('POST', '/items', { body: { name: 'bob1' }, subject: 'bob' });

      // Act
      const asBob = asPage(await api.call('GET', '/items?limit=100', { subject: 'bob' }));

      // Assess
      expect(asBob.items.map((item) => item.name)).toEqual(['bob1']);
      expect(asBob.items.map((item) => item.id)).not.toEqual(expect.arrayContaining(alices));
    });

    it("refuses another caller's nextToken with 400, revealing nothing", async () => {
      // Prepare
      await createItem(api, { name: 'x1' });
      await createItem(api, { name: 'x2' });
      const token = asPage(await api.call('GET', '/items?limit=1')).nextToken ?? '';

      // Act
      const response = await api.call('GET', `/items?limit=1&nextToken=${encodeURIComponent(token)}`, {
        subject: 'eve',
      });

      // Assess
      expect(token).not.toBe('');
      expect(response.status).toBe(400);
      expect(asProblem(response).type).toBe('/problems/invalid-page-token');
    });
  });

  it.each([
    ['limit=0', 'limit', 'must be >= 1'],
    ['limit=101', 'limit', 'must be <= 100'],
    ['limit=abc', 'limit', 'must be integer'],
    ['limit=1.5', 'limit', 'must be integer'],
    ['limit=5&limit=6', 'limit', 'must be integer'],
    ['status=deleted', 'status', 'must be one of: active, archived'],
    ['nextToken=', 'nextToken', 'must NOT have fewer than 1 characters'],
    ['colour=red', 'colour', 'is not allowed here'],
  ])('answers 400 naming the parameter for ?%s', async (query, parameter, detail) => {
    const response = await api.call('GET', `/items?${query}`);

    expect(response.status).toBe(400);
    expect(asProblem(response).errors).toEqual([{ parameter, detail }]);
  });
});
