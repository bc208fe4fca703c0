import {
  asMediaList,
  asMediaUpload,
  asProblem,
  createItem,
  createMediaUpload,
  MISSING_ID,
} from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('createMediaUpload (POST /items/{itemId}/media) via %s', (transport) => {
  const api = useTestApi(transport);

  it('records a pending media and answers its Location and presigned upload', async () => {
    const item = await createItem(api);

    const response = await api.call('POST', `/items/${item.id}/media`, {
      body: { contentType: 'application/pdf', size: 48213, fileName: 'receipt.pdf' },
    });
    const media = asMediaUpload(response);

    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/items/${item.id}/media/${media.id}`);
    expect(media).toMatchObject({
      status: 'pending',
      contentType: 'application/pdf',
      size: 48213,
      fileName: 'receipt.pdf',
    });
    expect(media.upload.method).toBe('PUT');
    expect(media.upload.headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Length': '48213',
    });
    expect(media.upload.url).not.toContain('receipt');
    const lifetime = Date.parse(media.upload.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it.each([
    ['a declared size over 25 MiB', { contentType: 'image/png', size: 25 * 1024 * 1024 + 1 }, '/size'],
    ['an empty file', { contentType: 'image/png', size: 0 }, '/size'],
    ['an unsupported type', { contentType: 'image/svg+xml', size: 10 }, '/contentType'],
    [
      'a file name with a path',
      { contentType: 'image/png', size: 10, fileName: '../etc/passwd' },
      '/fileName',
    ],
    [
      'a file name with a control character',
      { contentType: 'image/png', size: 10, fileName: 'a\nb.png' },
      '/fileName',
    ],
  ])('refuses %s with 400', async (_case, body, pointer) => {
    const item = await createItem(api);

    const refused = await api.call('POST', `/items/${item.id}/media`, { body });

    expect(refused.status).toBe(400);
    expect(asProblem(refused).errors?.map((error) => error.pointer)).toContain(pointer);
  });

  it('refuses the 21st media of an item with 409, and takes one again after a delete', async () => {
    const item = await createItem(api);
    const twenty = await Promise.all(Array.from({ length: 20 }, () => createMediaUpload(api, item.id)));

    const refused = await api.call('POST', `/items/${item.id}/media`, {
      body: { contentType: 'image/png', size: 10 },
    });
    const freed = await api.call('DELETE', `/items/${item.id}/media/${twenty[0]?.id}`);
    const accepted = await api.call('POST', `/items/${item.id}/media`, {
      body: { contentType: 'image/png', size: 10 },
    });

    expect(refused.status).toBe(409);
    expect(asProblem(refused).type).toBe('/problems/media-limit-reached');
    expect(freed.status).toBe(204);
    expect(accepted.status).toBe(201);
  });

  it("answers 404 for a missing item and for another caller's item", async () => {
    const item = await createItem(api);
    const body = { contentType: 'image/png', size: 10 };

    const missing = await api.call('POST', `/items/${MISSING_ID}/media`, { body });
    const foreign = await api.call('POST', `/items/${item.id}/media`, { body, subject: 'mallory' });

    expect([missing.status, foreign.status]).toEqual([404, 404]);
  });

  it('replays the first media under the same Idempotency-Key; on another item the key is another key', async () => {
    const item = await createItem(api);
    const other = await createItem(api);
    const request = {
      body: { contentType: 'image/png', size: 10 },
      headers: { 'Idempotency-Key': `k-${item.id}` },
    };

    const first = await api.call('POST', `/items/${item.id}/media`, request);
    const replay = await api.call('POST', `/items/${item.id}/media`, request);
    const elsewhere = await api.call('POST', `/items/${other.id}/media`, request);
    const listed = asMediaList(await api.call('GET', `/items/${item.id}/media`));

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(asMediaUpload(replay).id).toBe(asMediaUpload(first).id);
    expect(elsewhere.status).toBe(201);
    expect(asMediaUpload(elsewhere).id).not.toBe(asMediaUpload(first).id);
    expect(listed.media).toHaveLength(1);
  });
});
