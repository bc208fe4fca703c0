/**
 * MediaService on the real DynamoDB repository with a clock the test moves: abandoned uploads
 * (pending past their deadline) are not listed, are 404, give their slot back, and a mismatching
 * object is deleted and never served.
 */

import { newMediaObjectKey } from '../../../src/resources/media/compose-media';
import { DynamoDbMediaRepository } from '../../../src/resources/media/dynamodb-media-repository';
import { MediaNotFoundError } from '../../../src/resources/media/errors';
import { MAX_MEDIA_PER_ITEM } from '../../../src/resources/media/media';
import { MediaService } from '../../../src/resources/media/media-service';
import type { ObjectStore, StoredObject } from '../../../src/resources/media/object-store';
import { useTestRepository } from '../../support/table';

const OWNER = 'media-owner';
let clock = Date.parse('2026-11-20T09:00:00.000Z');
let counter = 0;
const stored = new Map<string, StoredObject>();
const deleted: string[] = [];

/** An object store in memory: what the service asks S3, answered by the test. */
const objects: ObjectStore = {
  presignPut: async (key) => ({
    url: `https://s3.test/${key}`,
    headers: {},
    expiresAt: new Date(clock + 300_000),
  }),
  presignGet: async (key) => ({
    url: `https://s3.test/${key}?get`,
    headers: {},
    expiresAt: new Date(clock + 300_000),
  }),
  head: async (key) => stored.get(key),
  retag: async () => {},
  delete: async (key) => {
    deleted.push(key);
    stored.delete(key);
  },
};

describe('MediaService', () => {
  const storage = useTestRepository();
  let media: MediaService;
  let itemId: string;

  beforeEach(async () => {
    media = new MediaService({
      repository: new DynamoDbMediaRepository(storage.client, storage.tableName),
      objects,
      newId: () => `01936b30-7e21-7b44-9c0d-${String(++counter).padStart(12, '0')}`,
      newObjectKey: newMediaObjectKey,
      now: () => new Date(clock),
      pendingLifetimeSeconds: 3600,
      confirmOnRead: true,
    });
    itemId = `01936b2e-8f4a-7c3d-9b1e-${String(++counter).padStart(12, '0')}`;
    await storage.repository.insert(
      OWNER,
      { id: itemId, name: 'x', status: 'active', createdAt: '', updatedAt: '', version: 1 },
      `create ${itemId}`,
    );
  });

  const write = (id: string) => ({ writeId: id });

  it('leaves an abandoned upload out of the list, answers 404 for it, and gives its slot back', async () => {
    const abandoned = await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write('a'));
    clock += 3600_000 + 1000;
    const fresh = await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write('b'));

    const listed = await media.list(OWNER, itemId);
    const read = media.get(OWNER, itemId, abandoned.media.id);

    expect(listed.map((each) => each.id)).toEqual([fresh.media.id]);
    await expect(read).rejects.toBeInstanceOf(MediaNotFoundError);
  });

  it('frees the slots of abandoned uploads before refusing another media', async () => {
    for (let i = 0; i < MAX_MEDIA_PER_ITEM; i++) {
      await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write(`fill ${itemId} ${i}`));
    }
    clock += 3600_000 + 1000;

    const accepted = await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write('after'));

    expect(accepted.media.status).toBe('pending');
    expect(await media.list(OWNER, itemId)).toHaveLength(1);
  });

  it('marks a media ready only when its object is as declared, and deletes one that is not', async () => {
    const good = await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write('good'));
    const bad = await media.create(OWNER, itemId, { contentType: 'image/png', size: 5 }, write('bad'));
    stored.set(good.media.objectKey, { size: 5, contentType: 'image/png' });
    stored.set(bad.media.objectKey, { size: 5, contentType: 'text/html' });

    const goodView = await media.get(OWNER, itemId, good.media.id);
    const badView = await media.get(OWNER, itemId, bad.media.id);

    expect(goodView.media.status).toBe('ready');
    expect(goodView.download?.url).toContain(good.media.objectKey);
    expect(badView.media.status).toBe('pending');
    expect(badView.download).toBeUndefined();
    expect(deleted).toContain(bad.media.objectKey);
  });
});
