import { removedImage, type StreamChange } from '../../../src/storage/dynamodb/removal-events';

type Image = Readonly<Record<string, unknown>>;

const live: Image = { pk: 'OWNER#a', sk: 'ITEM#1', id: '1', name: 'Report' };
const tombstone: Image = { pk: 'OWNER#a', sk: 'ITEM#1', id: '1', deletedAt: '2026-12-05T00:00:00.000Z' };
const renamed: Image = { ...live, name: 'Renamed' };

describe('removedImage', () => {
  it.each<[string, StreamChange<Image>, Image | undefined]>([
    ['a record deleted', { eventName: 'REMOVE', OldImage: live }, live],
    ['a record turned into a tombstone', { eventName: 'MODIFY', OldImage: live, NewImage: tombstone }, live],
    ['a tombstone removed by time to live', { eventName: 'REMOVE', OldImage: tombstone }, undefined],
    ['a record updated', { eventName: 'MODIFY', OldImage: live, NewImage: renamed }, undefined],
    ['a record inserted', { eventName: 'INSERT', NewImage: live }, undefined],
    ['a change without images', { eventName: 'REMOVE' }, undefined],
  ])('for %s answers the last live image, if any', (_case, change, expected) => {
    // Act
    const image = removedImage(change);

    // Assess
    expect(image).toEqual(expected);
  });
});
