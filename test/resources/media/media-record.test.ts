import { randomUUID } from 'node:crypto';
import type { Media } from '../../../src/resources/media/media';
import { fromMediaRecord, mediaIdsOf, toMediaRecord } from '../../../src/resources/media/media-record';

const media: Media = {
  id: '01936b2e-9a10-7c3d-9b1e-5a2f6c8d4e72',
  itemId: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
  status: 'pending',
  contentType: 'image/png',
  size: 182_034,
  fileName: 'front view.png',
  createdAt: '2026-12-05T10:00:00.000Z',
  objectKey: 'media/4f0c1e9a7b2d4c8e9f6a3b5d7e1c2a40',
  pendingUntil: 1_796_000_000,
};

describe('media records', () => {
  it('hold both ids in the sort key only, and read them back from it', () => {
    // Act
    const record = toMediaRecord('alice', media, randomUUID());

    // Assess
    expect(record.sk).toBe(`MEDIA#${media.itemId}#${media.id}`);
    expect(record).not.toHaveProperty('id');
    expect(record).not.toHaveProperty('itemId');
    expect(fromMediaRecord({ ...record })).toEqual(media);
  });

  it.each([
    ['an item', `ITEM#${media.itemId}`],
    ['a media key without its media id', `MEDIA#${media.itemId}`],
    ['a media key with a part too many', `MEDIA#${media.itemId}#${media.id}#extra`],
    ['no text', 42],
  ])('find no media ids in the sort key of %s, and reject such a record as corrupt', (_case, sortKey) => {
    // Prepare
    const record = { ...toMediaRecord('alice', media, randomUUID()), sk: sortKey };

    // Act
    const ids = mediaIdsOf(sortKey);

    // Assess
    expect(ids).toBeUndefined();
    expect(() => fromMediaRecord(record)).toThrow('is not a valid media');
  });
});
