// createItem (POST /items) with Idempotency-Key (draft-ietf-httpapi-idempotency-key-header-06).
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { idempotencyKeyDigest } from '../../../../src/http/middleware/idempotency';
import { createDocumentClient } from '../../../../src/storage/dynamodb/document-client';
import { idempotencySortKey, ownerKey } from '../../../../src/storage/dynamodb/table-design';
import { asItem, asProblem, listAll } from '../../../support/factories';
import { engineEndpoint } from '../../../support/table';
import { TRANSPORTS, useTestApi } from '../../../support/test-api';

describe.each(TRANSPORTS)('createItem with Idempotency-Key via %s', (transport) => {
  const api = useTestApi(transport);

  it('10 parallel POSTs with one key store exactly one item; each answer is 201 or 409', async () => {
    // Prepare
    const before = await listAll(api);
    const headers = { 'Idempotency-Key': randomUUID() };

    // Act
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.call('POST', '/items', { body: { name: 'once' }, headers })),
    );

    // Assess
    const after = await listAll(api);
    expect(after).toHaveLength(before.length + 1);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of responses) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 409) expect(response.headers['retry-after']).toMatch(/^\d+$/);
    }
    expect(new Set(created.map((response) => response.body)).size).toBe(1);
    expect(created.filter((response) => response.headers['idempotent-replayed'] === undefined)).toHaveLength(
      1,
    );
  });

  it('replays the first response exactly: status, Location, ETag, body', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await api.call('POST', '/items', { body: { name: 'a', status: 'archived' }, headers });

    const replay = await api.call('POST', '/items', { body: { status: 'archived', name: 'a' }, headers });

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers.location).toBe(first.headers.location);
    expect(replay.headers.etag).toBe(first.headers.etag);
    expect(asItem(replay)).toEqual(asItem(first));
  });

  it('replays the first answer even after the item changed', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await api.call('POST', '/items', { body: { name: 'a' }, headers });
    await api.call('PATCH', first.headers.location ?? '', { body: { name: 'b' } });

    const replay = await api.call('POST', '/items', { body: { name: 'a' }, headers });

    expect(replay.body).toBe(first.body);
  });

  it('keeps only the id and time in the key record, not a copy, and still replays the largest item exactly', async () => {
    // Prepare: the largest name and description the spec allows, in 3-byte characters.
    const key = randomUUID();
    const headers = { 'Idempotency-Key': key };
    const body = { name: '€'.repeat(200), description: '€'.repeat(2000), status: 'archived' };
    const first = await api.call('POST', '/items', { body, headers });

    // Act
    const replay = await api.call('POST', '/items', { body, headers });
    const record = await keyRecord(api.tableName, `tester-${api.tableName}`, key);

    // Assess
    expect(first.status).toBe(201);
    expect(replay.body).toBe(first.body);
    expect(record.generated).toEqual({ id: asItem(first).id, createdAt: asItem(first).createdAt });
    expect(JSON.stringify(record).length).toBeLessThan(400);
  });

  it('treats the bare and the quoted (Structured Field) form as one key', async () => {
    const key = `k-${randomUUID()}`;
    const first = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers: { 'Idempotency-Key': key },
    });

    const quoted = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers: { 'Idempotency-Key': `"${key}"` },
    });

    expect(quoted.headers['idempotent-replayed']).toBe('true');
    expect(asItem(quoted).id).toBe(asItem(first).id);
  });

  it('answers 422 for the same key with another body, creating nothing', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    await api.call('POST', '/items', { body: { name: 'a' }, headers });
    const before = await listAll(api);

    const response = await api.call('POST', '/items', { body: { name: 'b' }, headers });

    expect(response.status).toBe(422);
    expect(asProblem(response)).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422 });
    expect(await listAll(api)).toEqual(before);
  });

  it('scopes keys to the caller: another caller with the same key gets its own item', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };
    const mine = await api.call('POST', '/items', { body: { name: 'a' }, headers });

    const theirs = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers,
      subject: `other-${randomUUID()}`,
    });

    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(asItem(theirs).id).not.toBe(asItem(mine).id);
  });

  it('creates a new item when the key has expired, even before TTL deletes its record', async () => {
    // Prepare: a live-looking record whose expiry has passed (TTL deletion lags by up to days).
    const key = randomUUID();
    const first = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers: { 'Idempotency-Key': key },
    });
    await expireKey(api.tableName, `tester-${api.tableName}`, key);

    // Act
    const again = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers: { 'Idempotency-Key': key },
    });

    // Assess
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(asItem(again).id).not.toBe(asItem(first).id);
  });

  it('keeps key records out of listings, filtered or not', async () => {
    const response = await api.call('POST', '/items', {
      body: { name: 'listed' },
      headers: { 'Idempotency-Key': randomUUID() },
    });

    const all = await listAll(api);
    const active = await listAll(api, '&status=active');

    expect(all.filter((item) => item.id === asItem(response).id)).toHaveLength(1);
    expect(active.filter((item) => item.id === asItem(response).id)).toHaveLength(1);
  });

  it.each([
    ['bare with a space in it', 'two words'],
    ['over 255 characters', 'k'.repeat(256)],
    ['a non-ASCII character', 'clé'],
    ['an unterminated quoted string', '"abc'],
  ])('rejects a key that is %s with 400', async (_case, key) => {
    const response = await api.call('POST', '/items', {
      body: { name: 'a' },
      headers: { 'Idempotency-Key': key },
    });

    expect(response.status).toBe(400);
    expect(asProblem(response).errors).toEqual([expect.objectContaining({ parameter: 'Idempotency-Key' })]);
  });
});

/** A key's record as stored. */
async function keyRecord(tableName: string, subject: string, key: string): Promise<Record<string, unknown>> {
  const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  try {
    const recordKey = {
      pk: ownerKey(subject),
      sk: idempotencySortKey('createItem', idempotencyKeyDigest(key)),
    };
    const { Item: record } = await client.send(new GetCommand({ TableName: tableName, Key: recordKey }));
    if (record === undefined) throw new Error('no idempotency record');
    return record;
  } finally {
    client.destroy();
  }
}

/** Rewrites a key's record as if its 24 hours were over. */
async function expireKey(tableName: string, subject: string, key: string): Promise<void> {
  const record = await keyRecord(tableName, subject, key);
  const client = createDocumentClient({ endpoint: engineEndpoint(), region: 'us-east-1' });
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: { ...record, expiresAt: 1 } }));
  } finally {
    client.destroy();
  }
}
