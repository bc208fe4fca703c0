import { asItem, asProblem, createItem, itemInput, listAll } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

/** A UUIDv7 (RFC 9562): version nibble 7, variant bits 10. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(TRANSPORTS)('createItem (POST /items) via %s', (transport) => {
  const api = useTestApi(transport);

  it('creates an item with server-assigned fields, Location and ETag', async () => {
    // Act
    const response = await api.call('POST', '/items', { body: { name: 'Quarterly report' } });

    // Assess
    expect(response.status).toBe(201);
    const item = asItem(response);
    expect(item.id).toMatch(UUID_V7);
    expect(item).toMatchObject({ name: 'Quarterly report', status: 'active', version: 1 });
    expect(item.description).toBeUndefined();
    expect(item.updatedAt).toBe(item.createdAt);
    expect(response.headers.location).toBe(`/items/${item.id}`);
    expect(response.headers.etag).toBe('"1"');
    const stored = await api.call('GET', response.headers.location ?? '');
    expect(asItem(stored)).toEqual(item);
  });

  it('keeps every given field', async () => {
    const response = await api.call('POST', '/items', {
      body: { name: 'Offsite notes', description: 'Agenda and minutes', status: 'archived' },
    });

    expect(response.status).toBe(201);
    expect(asItem(response)).toMatchObject({
      name: 'Offsite notes',
      description: 'Agenda and minutes',
      status: 'archived',
    });
  });

  it('accepts values at the length limits, counting characters rather than bytes', async () => {
    const response = await api.call('POST', '/items', {
      body: { name: '😀'.repeat(200), description: 'é'.repeat(2000) },
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });

    expect(response.status).toBe(201);
    expect(asItem(response).name).toBe('😀'.repeat(200));
  });

  it.each([
    ['a missing name', { description: 'x' }, '/name', 'is required'],
    ['an empty name', { name: '' }, '/name', 'must NOT have fewer than 1 characters'],
    ['a blank name', { name: '   ' }, '/name', 'must contain at least one non-blank character'],
    [
      'a name over 200 characters',
      { name: 'n'.repeat(201) },
      '/name',
      'must NOT have more than 200 characters',
    ],
    [
      'a description over 2000 characters',
      itemInput({ description: 'd'.repeat(2001) }),
      '/description',
      'more than 2000',
    ],
    [
      'an unknown status',
      { ...itemInput(), status: 'deleted' },
      '/status',
      'must be one of: active, archived',
    ],
    ['a name of the wrong type', { name: 42 }, '/name', 'must be string'],
    ['an unknown property', { ...itemInput(), colour: 'red' }, '/colour', 'is not allowed here'],
    [
      'a client-chosen id',
      { ...itemInput(), id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71' },
      '/id',
      'is not allowed here',
    ],
    ['a client-chosen version', { ...itemInput(), version: 7 }, '/version', 'is not allowed here'],
    [
      'a client-chosen createdAt',
      { ...itemInput(), createdAt: '2026-01-01T00:00:00Z' },
      '/createdAt',
      'is not allowed here',
    ],
    ['an array', [itemInput()], '', 'must be object'],
    ['null', null, '', 'must be object'],
  ])('rejects %s with 400 naming the field', async (_case, body, pointer, detail) => {
    const response = await api.call('POST', '/items', {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status).toBe(400);
    const problem = asProblem(response);
    expect(problem).toMatchObject({ type: '/problems/validation-error', status: 400 });
    expect(problem.errors).toEqual(
      expect.arrayContaining([{ pointer, detail: expect.stringContaining(detail) }]),
    );
  });

  it('reports every invalid field at once', async () => {
    const response = await api.call('POST', '/items', { body: { name: '', status: 'gone', extra: true } });

    expect(response.status).toBe(400);
    const pointers = (asProblem(response).errors ?? []).map((error) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/name', '/status', '/extra']));
  });

  it.each([
    ['malformed JSON', '{"name": "x",', 'application/json', 400, '/problems/malformed-body'],
    ['a JSON string', '"Quarterly report"', 'application/json', 400, '/problems/validation-error'],
    ['a JSON number', '42', 'application/json', 400, '/problems/validation-error'],
    ['an empty body', '', 'application/json', 400, '/problems/validation-error'],
    [
      'a body over 64 KiB',
      JSON.stringify({ name: 'x', description: 'd'.repeat(70_000) }),
      'application/json',
      413,
      '/problems/body-too-large',
    ],
    ['text/plain', '{"name":"x"}', 'text/plain', 415, '/problems/unsupported-media-type'],
    [
      'a merge patch media type',
      '{"name":"x"}',
      'application/merge-patch+json',
      415,
      '/problems/unsupported-media-type',
    ],
    [
      'a non-UTF-8 charset',
      '{"name":"x"}',
      'application/json; charset=iso-8859-1',
      415,
      '/problems/unsupported-media-type',
    ],
    [
      'an unparseable Content-Type',
      '{"name":"x"}',
      'application/json; ;',
      415,
      '/problems/unsupported-media-type',
    ],
  ])('rejects %s', async (_case, body, contentType, status, type) => {
    const response = await api.call('POST', '/items', { body, headers: { 'Content-Type': contentType } });

    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(asProblem(response)).toMatchObject({ type, status });
    expect(response.body).not.toMatch(/\n\s+at /);
  });

  it('stores nothing when a create is rejected', async () => {
    // Prepare
    const before = await listAll(api);

    // Act
    await api.call('POST', '/items', { body: { name: 'x', id: 'injected' } });
    await api.call('POST', '/items', { body: '{"name":', headers: { 'Content-Type': 'application/json' } });

    // Assess
    expect(await listAll(api)).toEqual(before);
  });

  it('gives every item its own id, sorting by creation time', async () => {
    const first = await createItem(api, { name: 'first' });
    const second = await createItem(api, { name: 'second' });

    expect(second.id).not.toBe(first.id);
    expect(second.id > first.id).toBe(true);
  });
});
