/**
 * Writes under an Idempotency-Key, through the API: a client's retry of a PUT, PATCH or DELETE
 * whose first attempt was applied and whose answer was lost (the second call here is exactly that
 * retry: same key, same body, a new request id) answers what the first attempt did, never a second
 * effect, a 412 or a 404.
 */
import { randomUUID } from 'node:crypto';
import { asItem, asProblem, createItem, createMediaUpload } from '../../support/factories';
import { TRANSPORTS, useTestApi } from '../../support/test-api';

describe.each(TRANSPORTS)('writes under an Idempotency-Key via %s', (transport) => {
  const api = useTestApi(transport);
  const key = () => ({ 'Idempotency-Key': randomUUID() });

  it.each([
    ['PATCH', { description: 'Q3' }],
    ['PUT', { name: 'Quarterly report (final)' }],
  ] as const)(
    '%s retried with its key and If-Match answers the first result, applied once',
    async (method, body) => {
      // Prepare
      const item = await createItem(api);
      const headers = { ...key(), 'If-Match': '"1"' };

      // Act
      const first = await api.call(method, `/items/${item.id}`, { body, headers });
      const retry = await api.call(method, `/items/${item.id}`, { body, headers });
      const stored = asItem(await api.call('GET', `/items/${item.id}`));

      // Assess
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(retry.json).toEqual(first.json);
      expect(retry.headers.etag).toBe('"2"');
      expect(stored.version).toBe(2);
    },
  );

  it('PATCH retried with its key but no If-Match is applied once', async () => {
    const item = await createItem(api);
    const headers = key();

    const answers = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      answers.push(await api.call('PATCH', `/items/${item.id}`, { body: { description: 'once' }, headers }));
    }

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(asItem(await api.call('GET', `/items/${item.id}`)).version).toBe(2);
  });

  it('refuses the key with another body (422) and changes nothing', async () => {
    const item = await createItem(api);
    const headers = key();
    await api.call('PATCH', `/items/${item.id}`, { body: { description: 'first' }, headers });

    const reused = await api.call('PATCH', `/items/${item.id}`, { body: { description: 'second' }, headers });

    expect([reused.status, asProblem(reused).type]).toEqual([422, '/problems/idempotency-key-reused']);
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toMatchObject({
      description: 'first',
      version: 2,
    });
  });

  it('answers 412 for a retry after another write replaced its result: the truth, not a second effect', async () => {
    const item = await createItem(api);
    const headers = { ...key(), 'If-Match': '"1"' };
    await api.call('PATCH', `/items/${item.id}`, { body: { description: 'mine' }, headers });
    await api.call('PATCH', `/items/${item.id}`, { body: { description: 'theirs' } });

    const retry = await api.call('PATCH', `/items/${item.id}`, { body: { description: 'mine' }, headers });

    expect(retry.status).toBe(412);
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toMatchObject({
      description: 'theirs',
      version: 3,
    });
  });

  it('DELETE retried with its key answers 204 again; without a key the retry is 404', async () => {
    const keyed = await createItem(api);
    const plain = await createItem(api);
    const headers = key();

    const answers = [
      (await api.call('DELETE', `/items/${keyed.id}`, { headers })).status,
      (await api.call('DELETE', `/items/${keyed.id}`, { headers })).status,
      (await api.call('DELETE', `/items/${plain.id}`)).status,
      (await api.call('DELETE', `/items/${plain.id}`)).status,
    ];

    expect(answers).toEqual([204, 204, 204, 404]);
  });

  it('deleteMedia retried with its key answers 204 again', async () => {
    const item = await createItem(api);
    const media = await createMediaUpload(api, item.id);
    const headers = key();

    const answers = [
      (await api.call('DELETE', `/items/${item.id}/media/${media.id}`, { headers })).status,
      (await api.call('DELETE', `/items/${item.id}/media/${media.id}`, { headers })).status,
      (await api.call('GET', `/items/${item.id}/media/${media.id}`)).status,
    ];

    expect(answers).toEqual([204, 204, 404]);
  });
});
