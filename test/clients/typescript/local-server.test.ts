/**
 * The SDK against `npm start` (the real handler on DynamoDB Local and the local S3): the package
 * README's first example as written, then what each result tells about its response.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createItemsApi, type Item, ProblemError } from '../../../clients/typescript/src';
import { type LocalApi, startLocalApi } from '../../support/local-api';
import { solidPng } from '../../support/png';

const PACKAGE = path.resolve(__dirname, '../../../clients/typescript');
/** The constructor of async functions: runs the README's block as the body of one. */
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...parameters: string[]
) => (...values: unknown[]) => Promise<unknown>;

describe('the SDK against npm start', () => {
  let server: LocalApi | undefined;
  beforeAll(async () => {
    server = await startLocalApi();
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });
  const local = () => {
    if (server === undefined) throw new Error('the local server did not start');
    return server;
  };

  it("runs the package README's first example as written", async () => {
    // Prepare: the block, without its import line, run with what it imports and the two names it assumes
    const { url, token } = local();
    const readme = readFileSync(path.join(PACKAGE, 'README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const body = block
      .replace(/^import .*\n/m, '')
      .replace('http://localhost:3000', url)
      .concat('\nreturn { item, fresh, patched, firstPage, media };');
    const example = new AsyncFunction('createItemsApi', 'ProblemError', 'myToken', 'bytes', body);
    const bytes = solidPng(4, 4, [10, 200, 30]);

    // Act
    const done = await example(createItemsApi, ProblemError, () => token('readme-reader'), bytes);

    // Assess
    const { item, fresh, patched, firstPage, media } = done as Record<string, Record<string, unknown>>;
    expect(block).toContain("import { createItemsApi, ProblemError } from 'items-api-client';");
    expect(fresh).toEqual(item);
    expect(patched).toMatchObject({ id: item?.id, description: 'Q3', version: 2 });
    expect(firstPage).toEqual({ items: [patched] });
    expect(media).toMatchObject({
      status: 'ready',
      contentType: 'image/png',
      size: bytes.length,
      fileName: 'cover.png',
    });
    const download = (media?.download as { url: string } | undefined)?.url ?? '';
    expect(Buffer.from(await (await fetch(download)).arrayBuffer()).equals(bytes)).toBe(true);
    const client = createItemsApi({ baseUrl: url, token: await token('readme-reader') });
    await expect(client.getItem({ itemId: String(item?.id) })).rejects.toMatchObject({ status: 404 });
  }, 60_000);

  it('answers a typed 404 and iterates every item', async () => {
    // Prepare
    const { url, token } = local();
    const api = createItemsApi({ baseUrl: url, token: async () => token('iterator') });
    const created = await api.createItem({ body: { name: 'only one' } });

    // Act
    const every: Item[] = [];
    for await (const each of api.listItems({ limit: 20 })) every.push(each);
    const missing = await api.getItem({ itemId: '01890a5d-ac96-774b-bcce-b302099a8057' }).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    expect(every).toEqual([created]);
    expect(missing).toBeInstanceOf(ProblemError);
    expect(missing).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Not found' });
    expect((missing as ProblemError).instance).toEqual(expect.any(String));
  }, 30_000);

  it('uploads after a refused PUT by announcing again with the same key: one media, ready', async () => {
    // Prepare: object storage refuses the first PUT (as it does an expired URL)
    const { url, token } = local();
    const announced: string[] = [];
    let refusals = 1;
    const api = createItemsApi({
      baseUrl: url,
      token: await token('uploader'),
      fetch: async (target, init) => {
        const key = new Headers(init.headers).get('idempotency-key');
        if (init.method === 'POST' && key !== null) announced.push(key);
        if (init.method === 'PUT' && refusals-- > 0) return new Response('', { status: 403 });
        return fetch(target, init);
      },
    });
    const { id: itemId } = await api.createItem({ body: { name: 'with a picture' } });
    const bytes = solidPng(8, 8, [200, 10, 10]);
    announced.length = 0;

    // Act
    const media = await api.uploadMedia({ itemId, file: new Blob([bytes], { type: 'image/png' }) });
    const listed = await api.listMedia({ itemId });

    // Assess
    expect(announced).toHaveLength(2);
    expect(new Set(announced).size).toBe(1);
    expect(listed.media.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: media.id, status: 'ready' },
    ]);
  }, 30_000);

  it('follows nextToken across pages, and shows status, request id and Idempotent-Replayed', async () => {
    // Prepare
    const { url, token } = local();
    const api = createItemsApi({ baseUrl: url, token: await token('pager') });
    for (const name of ['one', 'two', 'three', 'four', 'five']) await api.createItem({ body: { name } });

    // Act
    const names: string[] = [];
    for await (const each of api.listItems({ limit: 2 })) names.push(each.name);
    const page = await api.listItems({ limit: 2 }).withResponse();
    const first = await api.createItem({ idempotencyKey: 'same-key', body: { name: 'once' } }).withResponse();
    const again = await api.createItem({ idempotencyKey: 'same-key', body: { name: 'once' } }).withResponse();
    const reused = await api.createItem({ idempotencyKey: 'same-key', body: { name: 'another body' } }).then(
      () => undefined,
      (e: unknown) => e,
    );

    // Assess
    expect(names).toEqual(['five', 'four', 'three', 'two', 'one']);
    expect(page.data.items).toHaveLength(2);
    expect(page.data.nextToken).toEqual(expect.any(String));
    expect(page.response.status).toBe(200);
    expect([first.response.status, first.response.replayed]).toEqual([201, false]);
    expect([again.response.status, again.response.replayed, again.data]).toEqual([201, true, first.data]);
    expect(first.response.headers.get('etag')).toBe('"1"');
    expect(reused).toBeInstanceOf(ProblemError);
    expect(reused).toMatchObject({ status: 422, type: '/problems/idempotency-key-reused' });
    // X-Request-Id arrives with the server's 2.3.0 change; until then it is not there to read.
    const requestId = first.response.headers.get('x-request-id');
    expect(first.response.requestId).toBe(requestId ?? undefined);
  }, 60_000);
});
