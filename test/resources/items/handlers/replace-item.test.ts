import { asItem, asProblem, createItem, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('replaceItem (PUT /items/{itemId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it('replaces every writable field: omitted ones are cleared or defaulted, never kept', async () => {
    // Prepare
    const item = await createItem(api, { name: 'Draft', description: 'first notes', status: 'archived' });

    // Act
    const response = await api.call('PUT', `/items/${item.id}`, { body: { name: 'Final' } });

    // Assess
    expect(response.status).toBe(200);
    const replaced = asItem(response);
    expect(replaced).toMatchObject({
      id: item.id,
      name: 'Final',
      status: 'active',
      version: 2,
      createdAt: item.createdAt,
    });
    expect(replaced.description).toBeUndefined();
    expect(replaced.updatedAt >= item.updatedAt).toBe(true);
    expect(response.headers.etag).toBe('"2"');
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toEqual(replaced);
  });

  it.each([
    ['the current ETag', '"1"'],
    ['a list containing the current ETag', '"7", "1"'],
    ['*', '*'],
  ])('writes when If-Match is %s', async (_case, ifMatch) => {
    const item = await createItem(api);

    const response = await api.call('PUT', `/items/${item.id}`, {
      body: { name: 'Final' },
      headers: { 'If-Match': ifMatch },
    });

    expect(response.status).toBe(200);
    expect(asItem(response).version).toBe(2);
  });

  it.each([
    ['a stale ETag', '"2"'],
    ['a weak ETag, which never matches under strong comparison', 'W/"1"'],
  ])('answers 412 and changes nothing for %s', async (_case, ifMatch) => {
    const item = await createItem(api, { name: 'Original' });

    const response = await api.call('PUT', `/items/${item.id}`, {
      body: { name: 'Final' },
      headers: { 'If-Match': ifMatch },
    });

    expect(response.status).toBe(412);
    expect(asProblem(response)).toMatchObject({ type: '/problems/precondition-failed', status: 412 });
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toEqual(item);
  });

  it('answers 400 naming If-Match when it is not an entity tag', async () => {
    const item = await createItem(api);

    const response = await api.call('PUT', `/items/${item.id}`, {
      body: { name: 'Final' },
      headers: { 'If-Match': '1' },
    });

    expect(response.status).toBe(400);
    expect(asProblem(response).errors).toEqual([
      { parameter: 'If-Match', detail: 'is not in the expected form (for example: "3")' },
    ]);
  });

  it('lets exactly one of 20 concurrent writers with the same If-Match win', async () => {
    // Prepare
    const item = await createItem(api);
    const names = Array.from({ length: 20 }, (_, index) => `writer ${index}`);

    // Act
    const responses = await Promise.all(
      names.map((name) =>
        api.call('PUT', `/items/${item.id}`, { body: { name }, headers: { 'If-Match': '"1"' } }),
      ),
    );

    // Assess
    const winners = responses.filter((response) => response.status === 200);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => response.status === 412)).toHaveLength(19);
    const winner = asItem(winners[0] ?? responses[0] ?? never());
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toEqual(winner);
    expect(winner.version).toBe(2);
  });

  it('answers 404 for an id that does not exist, creating nothing', async () => {
    const response = await api.call('PUT', `/items/${MISSING_ID}`, { body: { name: 'Ghost' } });

    expect(response.status).toBe(404);
    expect((await api.call('GET', `/items/${MISSING_ID}`)).status).toBe(404);
  });

  it.each([
    ['a missing name', { description: 'x' }, '/name'],
    ['a server field', { name: 'x', version: 9 }, '/version'],
    ['a null description', { name: 'x', description: null }, '/description'],
  ])('answers 400 for %s and changes nothing', async (_case, body, pointer) => {
    const item = await createItem(api);

    const response = await api.call('PUT', `/items/${item.id}`, { body });

    expect(response.status).toBe(400);
    expect(asProblem(response).errors?.map((error) => error.pointer)).toContain(pointer);
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toEqual(item);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const item = await createItem(api);

    const response = await api.call('PUT', `/items/${item.id}`, {
      body: 'name=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(response.status).toBe(415);
  });
});

function never(): never {
  throw new Error('no response');
}
