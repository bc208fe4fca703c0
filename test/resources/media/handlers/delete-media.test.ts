import { asMediaList, createItem, createMediaUpload } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('deleteMedia (DELETE /items/{itemId}/media/{mediaId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it('deletes the media; deleting or reading it again answers 404', async () => {
    const item = await createItem(api);
    const created = await createMediaUpload(api, item.id);

    const deleted = await api.call('DELETE', `/items/${item.id}/media/${created.id}`);
    const again = await api.call('DELETE', `/items/${item.id}/media/${created.id}`);
    const read = await api.call('GET', `/items/${item.id}/media/${created.id}`);

    expect([deleted.status, again.status, read.status]).toEqual([204, 404, 404]);
    expect(asMediaList(await api.call('GET', `/items/${item.id}/media`)).media).toEqual([]);
  });

  it("answers 404 for another caller's media and keeps it", async () => {
    const item = await createItem(api);
    const created = await createMediaUpload(api, item.id);

    const foreign = await api.call('DELETE', `/items/${item.id}/media/${created.id}`, { subject: 'mallory' });
    const kept = await api.call('GET', `/items/${item.id}/media/${created.id}`);

    expect([foreign.status, kept.status]).toEqual([404, 200]);
  });
});
