/**
 * The media flow end to end, with real bytes: the API (both transports) on a table of the run's
 * DynamoDB Local, the run's signature-verifying local S3, and the media stream worker following the
 * table's stream as it does on AWS. The timing of each step is printed (README: Media).
 */
import { createHash } from 'node:crypto';
import { StorageUnavailableError } from '../../src/errors/storage-unavailable-error';
import type { ObjectStore } from '../../src/resources/media/object-store';
import { eventually } from '../support/eventually';
import { asMedia, asMediaList, createItem, createMediaUpload, objectKeyOf } from '../support/factories';
import { memoryLogger, runObjectStore, useMediaWorkers } from '../support/media';
import { solidPng } from '../support/png';
import { TRANSPORTS, useTestApi } from '../support/test-api';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe.each(TRANSPORTS)('media flow (%s)', (transport) => {
  const api = useTestApi(transport);
  const objects = runObjectStore();
  useMediaWorkers(() => api.tableName);

  it('uploads a PNG, serves it back byte for byte, and leaves nothing after the item is deleted', async () => {
    // Prepare
    const png = solidPng(64, 48, [20, 120, 220]);
    const timings: Record<string, number> = {};
    const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await run();
      } finally {
        timings[step] = Math.round(performance.now() - started);
      }
    };
    const item = await timed('createItem', () => createItem(api));

    // Act
    const ticket = await timed('createMediaUpload', () =>
      createMediaUpload(api, item.id, { contentType: 'image/png', size: png.length, fileName: 'blue.png' }),
    );
    const put = await timed('PUT to S3', () =>
      fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: png }),
    );
    const ready = await timed('until ready', () =>
      eventually('media ready', async () => {
        const media = asMedia(await api.call('GET', `/items/${item.id}/media/${ticket.id}`));
        return media.status === 'ready' ? media : undefined;
      }),
    );
    const fetched = await timed('download', () => fetch(ready.download?.url ?? 'http://invalid/'));
    const bytes = new Uint8Array(await fetched.arrayBuffer());
    const objectKey = objectKeyOf(ticket.upload.url);
    const deleted = await timed('deleteItem', () => api.call('DELETE', `/items/${item.id}`));
    await timed('until object gone', () =>
      eventually('object removed', async () =>
        (await objects.head(objectKey)) === undefined ? true : undefined,
      ),
    );
    const afterwards = await api.call('GET', `/items/${item.id}/media/${ticket.id}`);
    console.info(`media flow timings (${transport}, ms): ${JSON.stringify(timings)}`);

    // Assess
    expect(ticket.status).toBe('pending');
    expect(objectKey).toMatch(/^media\/[0-9a-f]{32}$/);
    expect(put.status).toBe(200);
    expect(ready).toMatchObject({
      status: 'ready',
      contentType: 'image/png',
      size: png.length,
      fileName: 'blue.png',
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(fetched.headers.get('content-disposition')).toBe('attachment; filename="blue.png"');
    expect(sha256(bytes)).toBe(sha256(png));
    expect(deleted.status).toBe(204);
    expect(afterwards.status).toBe(404);
  });

  it('deletes one media with its object and keeps the others', async () => {
    const item = await createItem(api);
    const png = solidPng(2, 2, [1, 2, 3]);
    const first = await createMediaUpload(api, item.id, { contentType: 'image/png', size: png.length });
    const second = await createMediaUpload(api, item.id, { contentType: 'application/pdf', size: 10 });
    await fetch(first.upload.url, { method: 'PUT', headers: first.upload.headers, body: png });
    const key = objectKeyOf(first.upload.url);

    const removed = await api.call('DELETE', `/items/${item.id}/media/${first.id}`);
    await eventually('object removed', async () =>
      (await objects.head(key)) === undefined ? true : undefined,
    );
    const after = asMediaList(await api.call('GET', `/items/${item.id}/media`));

    expect(removed.status).toBe(204);
    expect(after.media.map((media) => media.id)).toEqual([second.id]);
  });
});

/**
 * Fault injection: the stream worker's object store fails its first three deletes with "S3
 * unavailable" (a decorator around the real store, so the retries exercised are the worker's own),
 * and the cascade of an item's delete still leaves no object behind.
 */
describe('cascade delete when S3 fails part-way', () => {
  const api = useTestApi('lambda');
  const real = runObjectStore();
  let failuresLeft = 3;
  const failedDeletes: string[] = [];
  const flaky: ObjectStore = {
    presignPut: (key, declaration) => real.presignPut(key, declaration),
    presignGet: (key, presentation) => real.presignGet(key, presentation),
    head: (key) => real.head(key),
    retag: (key, tagging) => real.retag(key, tagging),
    delete: async (key) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        failedDeletes.push(key);
        throw new StorageUnavailableError({ cause: new Error('injected: S3 503 SlowDown') });
      }
      return real.delete(key);
    },
  };
  const logger = memoryLogger();
  useMediaWorkers(() => api.tableName, { objects: flaky, logger });

  it('retries the failed object deletes until every object of the item is gone', async () => {
    const item = await createItem(api);
    const png = solidPng(3, 3, [9, 9, 9]);
    const tickets = [
      await createMediaUpload(api, item.id, { contentType: 'image/png', size: png.length }),
      await createMediaUpload(api, item.id, { contentType: 'image/png', size: png.length }),
    ];
    await Promise.all(
      tickets.map((ticket) =>
        fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: png }),
      ),
    );
    const keys = tickets.map((ticket) => objectKeyOf(ticket.upload.url));
    const stored = await Promise.all(keys.map((key) => real.head(key)));

    await api.call('DELETE', `/items/${item.id}`);
    await eventually(
      'objects removed',
      async () =>
        (await Promise.all(keys.map((key) => real.head(key)))).every((head) => head === undefined)
          ? true
          : undefined,
      { timeoutMs: 15000 },
    );

    expect(stored.every((head) => head !== undefined)).toBe(true);
    expect(failedDeletes).toHaveLength(3);
    expect(logger.lines.filter((line) => line.message.includes('retrying'))).toHaveLength(3);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
