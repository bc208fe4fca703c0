import { createHash, randomUUID } from 'node:crypto';
import type { Item } from '../../../src/resources/items/item';
import { fromItemRecord, toItemRecord } from '../../../src/resources/items/item-record';

const item: Item = {
  id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
  name: 'Quarterly report',
  description: 'Numbers for Q3',
  status: 'archived',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T11:30:00.000Z',
  version: 4,
};

/** The owner's partition as docs/dynamodb-design.md gives it: `OWNER#<base64url(sha256(sub))>`. */
const ALICE = `OWNER#${createHash('sha256').update('alice').digest('base64url')}`;

describe('item records', () => {
  it('place an item under its owner, its id and its owner and status, marked with its write, the id only in its key', () => {
    const writeId = randomUUID();
    const { id: _inTheKey, ...fields } = item;

    expect(toItemRecord('alice', item, writeId)).toEqual({
      ...fields,
      pk: ALICE,
      sk: `ITEM#${item.id}`,
      ownerStatus: `${ALICE}#STATUS#archived`,
      lastWrite: writeId,
    });
  });

  it.each([
    ['a full item', item],
    ['an item without a description', { ...item, description: undefined }],
  ])('read back %s exactly, without the keys', (_case, original) => {
    const read = fromItemRecord({ ...toItemRecord('alice', original, randomUUID()) });

    expect(read).toEqual(original);
    expect(Object.keys(read).sort()).toEqual(
      Object.keys(original)
        .filter((key) => key !== 'description' || original.description !== undefined)
        .sort(),
    );
  });

  it.each([
    ['a missing name', { name: undefined }],
    ['a version as text', { version: '4' }],
    ['an unknown status', { status: 'deleted' }],
    ['a description that is not text', { description: 42 }],
    ['a sort key of another resource', { sk: `MEDIA#${item.id}` }],
  ])('reject a record with %s as corrupt, naming its keys', (_case, corruption) => {
    const record = { ...toItemRecord('alice', item, randomUUID()), ...corruption };

    expect(() => fromItemRecord(record)).toThrow(`Stored record ${ALICE}/${record.sk} is not a valid item`);
  });
});
