import { asMedia, asProblem, createItem, createMediaUpload, MISSING_ID } from '../../../support/factories';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('getMedia (GET /items/{itemId}/media/{mediaId}) via %s', (transport) => {
  const api = useTestApi(transport);

  it('answers a pending media without a download', async () => {
    const item = await createItem(api);
    const created = await createMediaUpload(api, item.id, {
      contentType: 'image/webp',
      size: 5,
      fileName: 'a.webp',
    });

    const media = asMedia(await api.call('GET', `/items/${item.id}/media/${created.id}`));

    expect(media).toEqual({
      id: created.id,
      status: 'pending',
      contentType: 'image/webp',
      size: 5,
      fileName: 'a.webp',
      createdAt: created.createdAt,
    });
  });

  it("answers 404 for a missing media, a media of another item and another caller's media", async () => {
    const item = await createItem(api);
    const other = await createItem(api);
    const created = await createMediaUpload(api, item.id);

    const answers = await Promise.all([
      api.call('GET', `/items/${item.id}/media/${MISSING_ID}`),
      api.call('GET', `/items/${other.id}/media/${created.id}`),
      api.call('GET', `/items/${item.id}/media/${created.id}`, { subject: 'mallory' }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    for (const answer of answers) expect(asProblem(answer).type).toBe('/problems/not-found');
  });
});
