import { asMediaList, createItem, createMediaUpload, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('listMedia (GET /items/{itemId}/media) via %s', (transport) => {
  const api = useTestApi(transport);

  it("lists the item's media newest first, without upload or download URLs", async () => {
    const item = await createItem(api);
    const first = await createMediaUpload(api, item.id);
    const second = await createMediaUpload(api, item.id, { contentType: 'image/gif', size: 99 });

    const listed = asMediaList(await api.call('GET', `/items/${item.id}/media`));

    expect(listed.media.map((media) => media.id)).toEqual([second.id, first.id]);
    expect(listed.media.every((media) => !('upload' in media) && media.download === undefined)).toBe(true);
  });

  it('answers an empty list for an item without media, 404 for a missing or foreign item', async () => {
    const item = await createItem(api);

    const empty = asMediaList(await api.call('GET', `/items/${item.id}/media`));
    const missing = await api.call('GET', `/items/${MISSING_ID}/media`);
    const foreign = await api.call('GET', `/items/${item.id}/media`, { subject: 'mallory' });

    expect(empty.media).toEqual([]);
    expect([missing.status, foreign.status]).toEqual([404, 404]);
  });
});
