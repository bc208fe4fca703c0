/**
 * Children of a removed parent: gone to every reader as soon as the parent's delete has answered,
 * then removed by the table stream's cascade. Here no stream worker runs until the test runs the
 * cascade itself, so "before any cleanup" is a fact of the test, not a race it hopes to win.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { composeTableStream } from '../../../src/compose-table-stream';
import { loadMediaConfig } from '../../../src/config';
import { RESOURCES } from '../../../src/resources';
import { itemKey } from '../../../src/resources/items/item-record';
import { mediaKey } from '../../../src/resources/media/media-record';
import { createDocumentClient } from '../../../src/storage/dynamodb/document-client';
import type { RemovedRecord } from '../../../src/storage/dynamodb/removal-cascade';
import { createRemovalCascade } from '../../../src/storage/dynamodb/removal-cascade';
import { ownerKey } from '../../../src/storage/dynamodb/table-design';
import { createItem, createMediaUpload, objectKeyOf } from '../../support/factories';
import { memoryLogger, runObjectStore } from '../../support/media';
import { solidPng } from '../../support/png';
import { engineEndpoint } from '../../support/table';
import { useTestApi } from '../../support/test-api';

describe('removal cascade', () => {
  const api = useTestApi('lambda');
  const objects = runObjectStore();
  const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  afterAll(() => client.destroy());

  const stored = async (key: Record<string, string>) =>
    (await client.send(new GetCommand({ TableName: api.tableName, Key: key, ConsistentRead: true }))).Item;

  it('answers 404 for every read and write of a deleted item and its media before cleanup, then removes records and objects', async () => {
    // Prepare
    const item = await createItem(api);
    const png = solidPng(8, 8, [1, 2, 3]);
    const ticket = await createMediaUpload(api, item.id, { contentType: 'image/png', size: png.length });
    await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: png });
    // The test API's default caller (test/support/test-api.ts).
    const partition = ownerKey(`tester-${api.tableName}`);
    const itemImage = await stored(itemKey(partition, item.id));
    const media = `/items/${item.id}/media/${ticket.id}`;

    // Act
    const deleted = await api.call('DELETE', `/items/${item.id}`);
    const reads = [
      (await api.call('GET', media)).status,
      (await api.call('GET', `/items/${item.id}/media`)).status,
      (await api.call('DELETE', media)).status,
      (await api.call('POST', `/items/${item.id}/media`, { body: { contentType: 'image/png', size: 10 } }))
        .status,
      (await api.call('GET', `/items/${item.id}`)).status,
      (
        await api.call('PATCH', `/items/${item.id}`, {
          body: { name: 'back' },
          headers: { 'content-type': 'application/merge-patch+json' },
        })
      ).status,
    ];
    const recordBeforeCleanup = await stored(mediaKey(partition, item.id, ticket.id));
    const worker = composeTableStream(
      {
        tableName: api.tableName,
        region: 'us-east-1',
        dynamodbEndpoint: engineEndpoint(),
        media: loadMediaConfig(process.env),
      },
      { logger: memoryLogger() },
    );
    try {
      // The stream delivers the item's removal (its tombstone's MODIFY, with the live item as the
      // old image), then the REMOVE of each media the cascade deletes.
      await worker.onRemove(itemImage ?? {});
      await worker.onRemove(recordBeforeCleanup ?? {});
    } finally {
      worker.close();
    }

    // Assess
    expect(deleted.status).toBe(204);
    expect(reads).toEqual([404, 404, 404, 404, 404, 404]);
    expect(recordBeforeCleanup).toMatchObject(mediaKey(partition, item.id, ticket.id));
    expect(await stored(mediaKey(partition, item.id, ticket.id))).toBeUndefined();
    expect(await objects.head(objectKeyOf(ticket.upload.url))).toBeUndefined();
  });
});

describe('createRemovalCascade', () => {
  const removedUnder: [string, string][] = [];
  const hooked: string[] = [];
  const cascade = createRemovalCascade({
    resources: RESOURCES,
    hooks: new Map(RESOURCES.map((resource) => [resource.name, async () => void hooked.push(resource.name)])),
    removeUnder: async (partition, prefix) => {
      removedUnder.push([partition, prefix]);
      return 0;
    },
  });
  beforeEach(() => {
    removedUnder.length = 0;
    hooked.length = 0;
  });

  // Every resource: its own hook runs, and every child resource's records under it are removed.
  it.each(RESOURCES.map((resource) => [resource.name, resource] as const))(
    'on a %s record: runs its hook and removes its children',
    async (name, resource) => {
      const removed: RemovedRecord = {
        pk: 'OWNER#x',
        sk: `${resource.records.sortKeyPrefix}id-1`,
      };
      const children = RESOURCES.flatMap((child) =>
        'parent' in child.records && child.records.parent.resource === name
          ? [['OWNER#x', child.records.parent.childrenOf('id-1')]]
          : [],
      );

      await cascade(removed);

      expect(hooked).toEqual([name]);
      expect(removedUnder).toEqual(children);
    },
  );

  it('leaves records of no resource alone (idempotency records)', async () => {
    await cascade({ pk: 'OWNER#x', sk: 'IDEMPOTENCY#createItem#abc' });

    expect([hooked, removedUnder]).toEqual([[], []]);
  });
});
