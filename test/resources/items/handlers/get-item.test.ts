import { asItem, asProblem, createItem, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('getItem (GET /items/{itemId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it('returns the item with its ETag', async () => {
    const created = await createItem(api, { name: 'Team offsite notes', status: 'archived' });

    const response = await api.call('GET', `/items/${created.id}`);

    expect(response.status).toBe(200);
    expect(asItem(response)).toEqual(created);
    expect(response.headers.etag).toBe('"1"');
  });

  it('answers 404 for an id that does not exist', async () => {
    const response = await api.call('GET', `/items/${MISSING_ID}`);

    expect(response.status).toBe(404);
    expect(asProblem(response)).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      detail: expect.stringContaining(MISSING_ID),
    });
  });

  it.each(['not-a-uuid', '01936b2e8f4a7c3d9b1e5a2f6c8d4e71', '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e7g'])(
    'answers 400 naming itemId for the malformed id %s',
    async (id) => {
      const response = await api.call('GET', `/items/${id}`);

      expect(response.status).toBe(400);
      expect(asProblem(response).errors).toEqual([
        { parameter: 'itemId', detail: 'must match format "uuid"' },
      ]);
    },
  );
});
