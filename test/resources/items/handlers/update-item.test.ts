import { asItem, asProblem, createItem, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

const MERGE_PATCH = { 'Content-Type': 'application/merge-patch+json' };

describe.each(TRANSPORTS)('updateItem (PATCH /items/{itemId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it.each([
    [
      'sets a present field and keeps the rest',
      { name: 'Renamed' },
      { name: 'Renamed', description: 'Agenda', status: 'archived' },
    ],
    ['removes description on null', { description: null }, { name: 'Notes', status: 'archived' }],
    [
      'resets status to its default on null',
      { status: null },
      { name: 'Notes', description: 'Agenda', status: 'active' },
    ],
    [
      'applies several changes at once',
      { name: 'Final', status: 'active', description: 'Done' },
      { name: 'Final', description: 'Done', status: 'active' },
    ],
  ])('%s (RFC 7396)', async (_case, patch, expected) => {
    // Prepare
    const item = await createItem(api, { name: 'Notes', description: 'Agenda', status: 'archived' });

    // Act
    const response = await api.call('PATCH', `/items/${item.id}`, { body: patch, headers: MERGE_PATCH });

    // Assess
    expect(response.status).toBe(200);
    const { id, createdAt, updatedAt, version, ...fields } = asItem(response);
    expect(fields).toEqual(expected);
    expect({ id, createdAt, version }).toEqual({ id: item.id, createdAt: item.createdAt, version: 2 });
    expect(updatedAt >= item.updatedAt).toBe(true);
    expect(response.headers.etag).toBe('"2"');
  });

  it('accepts application/json as well as application/merge-patch+json', async () => {
    const item = await createItem(api);

    const response = await api.call('PATCH', `/items/${item.id}`, { body: { status: 'archived' } });

    expect(response.status).toBe(200);
    expect(asItem(response).status).toBe('archived');
  });

  it.each([
    ['a null name, which would leave an invalid item', { name: null }, '/name'],
    ['an empty patch', {}, ''],
    ['an unknown property', { owner: 'mallory' }, '/owner'],
    ['a server field', { updatedAt: '2026-01-01T00:00:00Z' }, '/updatedAt'],
    ['an unknown status', { status: 'deleted' }, '/status'],
  ])('answers 400 for %s and changes nothing', async (_case, patch, pointer) => {
    const item = await createItem(api);

    const response = await api.call('PATCH', `/items/${item.id}`, { body: patch, headers: MERGE_PATCH });

    expect(response.status).toBe(400);
    expect(asProblem(response).errors?.map((error) => error.pointer)).toContain(pointer);
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toEqual(item);
  });

  it('answers 412 for a stale If-Match and changes nothing', async () => {
    const item = await createItem(api);
    await api.call('PATCH', `/items/${item.id}`, { body: { name: 'second' }, headers: MERGE_PATCH });

    const response = await api.call('PATCH', `/items/${item.id}`, {
      body: { name: 'third' },
      headers: { ...MERGE_PATCH, 'If-Match': '"1"' },
    });

    expect(response.status).toBe(412);
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toMatchObject({ name: 'second', version: 2 });
  });

  it('writes when If-Match is current', async () => {
    const item = await createItem(api);

    const response = await api.call('PATCH', `/items/${item.id}`, {
      body: { name: 'next' },
      headers: { ...MERGE_PATCH, 'If-Match': '"1"' },
    });

    expect(response.status).toBe(200);
  });

  it('answers 404 for an id that does not exist', async () => {
    const response = await api.call('PATCH', `/items/${MISSING_ID}`, {
      body: { name: 'x' },
      headers: MERGE_PATCH,
    });

    expect(response.status).toBe(404);
    expect(asProblem(response).type).toBe('/problems/not-found');
  });

  it.each([
    ['text/plain', 415],
    ['application/json-patch+json', 415],
  ])('answers for Content-Type %s with %i', async (contentType, status) => {
    const item = await createItem(api);

    const response = await api.call('PATCH', `/items/${item.id}`, {
      body: '[]',
      headers: { 'Content-Type': contentType },
    });

    expect(response.status).toBe(status);
  });

  it('answers 400 for malformed JSON', async () => {
    const item = await createItem(api);

    const response = await api.call('PATCH', `/items/${item.id}`, { body: '{name:}', headers: MERGE_PATCH });

    expect(response.status).toBe(400);
    expect(asProblem(response).type).toBe('/problems/malformed-body');
  });
});
