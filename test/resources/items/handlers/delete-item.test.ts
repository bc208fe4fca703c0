import { asItem, asProblem, createItem, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('deleteItem (DELETE /items/{itemId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it('deletes the item: 204 with no body, then GET and DELETE answer 404', async () => {
    const item = await createItem(api);

    const deleted = await api.call('DELETE', `/items/${item.id}`);

    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await api.call('GET', `/items/${item.id}`)).status).toBe(404);
    expect((await api.call('DELETE', `/items/${item.id}`)).status).toBe(404);
  });

  it('deletes when If-Match carries the current ETag', async () => {
    const item = await createItem(api);

    const response = await api.call('DELETE', `/items/${item.id}`, { headers: { 'If-Match': '"1"' } });

    expect(response.status).toBe(204);
  });

  it('answers 412 for a stale If-Match and keeps the item', async () => {
    // Prepare
    const item = await createItem(api);
    await api.call('PATCH', `/items/${item.id}`, { body: { name: 'renamed' } });

    // Act
    const response = await api.call('DELETE', `/items/${item.id}`, { headers: { 'If-Match': '"1"' } });

    // Assess
    expect(response.status).toBe(412);
    expect(asProblem(response).type).toBe('/problems/precondition-failed');
    expect(asItem(await api.call('GET', `/items/${item.id}`))).toMatchObject({ name: 'renamed', version: 2 });
  });

  it('answers 404 for an id that does not exist', async () => {
    expect((await api.call('DELETE', `/items/${MISSING_ID}`)).status).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    const response = await api.call('DELETE', '/items/123');

    expect(response.status).toBe(400);
    expect(asProblem(response).errors).toEqual([{ parameter: 'itemId', detail: 'must match format "uuid"' }]);
  });
});
