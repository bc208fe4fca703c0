// The issue-11 faults on the wire between the app and DynamoDB Local: every answer must be the truth
// about what is stored, whatever the SDK retried underneath.
import { randomUUID } from 'node:crypto';
import { asItem, asProblem, createItem, listAll } from '../support/factories';
import { type FaultProxy, type FaultRule, startFaultProxy } from '../support/fault-proxy';
import { engineEndpoint } from '../support/table';
import { startTestApi, type TestApi } from '../support/test-api';

/** Short limits keep the suite fast; the shapes (attempts, deadline, 503) are the production ones. */
const LIMITS = {
  DYNAMODB_ATTEMPT_TIMEOUT_MS: '300',
  DYNAMODB_TIMEOUT_MS: '2000',
  DYNAMODB_MAX_ATTEMPTS: '3',
};

describe('fault injection between the app and DynamoDB', () => {
  let proxy: FaultProxy | undefined;
  let started: TestApi | undefined;
  const logged: string[] = [];

  beforeAll(async () => {
    proxy = await startFaultProxy(engineEndpoint());
    started = await startTestApi('lambda', {
      env: { ...LIMITS, DYNAMODB_ENDPOINT: proxy.url },
      // 503s are logged as errors by design; kept here so the suite's output stays readable.
      overrides: {
        logger: { debug: () => {}, info: () => {}, warn: () => {}, error: (message) => logged.push(message) },
      },
    });
  });
  afterEach(() => faults().clear());
  afterAll(async () => {
    // Both are closed even when a test or the other close fails.
    try {
      await started?.close();
    } finally {
      await proxy?.close();
    }
  });

  const faults = (): FaultProxy => {
    if (proxy === undefined) throw new Error('the proxy is only there inside tests');
    return proxy;
  };
  const api = (): TestApi => {
    if (started === undefined) throw new Error('the API is only there inside tests');
    return started;
  };
  const dropOnce = (operation: string): void =>
    faults().inject({ fault: 'drop-after-commit', operation, times: 1 });

  describe('a write whose answer is lost after DynamoDB committed it (the issue-11 table)', () => {
    it.each([
      ['PUT with If-Match "1"', 'PUT', { name: 'replaced' }],
      ['PATCH with If-Match "1"', 'PATCH', { name: 'patched' }],
    ])('%s answers 200 with version 2, as stored', async (_case, method, body) => {
      // Prepare
      const item = await createItem(api());
      dropOnce('UpdateItem');

      // Act
      const response = await api().call(method, `/items/${item.id}`, {
        body,
        headers: { 'If-Match': '"1"' },
      });

      // Assess
      expect(response.status).toBe(200);
      expect(asItem(response)).toMatchObject({ ...body, version: 2 });
      expect(response.headers.etag).toBe('"2"');
      expect(asItem(await api().call('GET', `/items/${item.id}`))).toEqual(asItem(response));
    });

    it('PATCH without If-Match is applied once: version 2, not 3', async () => {
      const item = await createItem(api());
      dropOnce('UpdateItem');

      const response = await api().call('PATCH', `/items/${item.id}`, { body: { status: 'archived' } });

      expect(response.status).toBe(200);
      expect(asItem(response).version).toBe(2);
      expect(asItem(await api().call('GET', `/items/${item.id}`)).version).toBe(2);
    });

    it('POST answers 201 with the one item it stored', async () => {
      const before = await listAll(api());
      dropOnce('PutItem');

      const response = await api().call('POST', '/items', { body: { name: 'dropped create' } });

      expect(response.status).toBe(201);
      const after = await listAll(api());
      expect(after).toHaveLength(before.length + 1);
      expect(after).toContainEqual(asItem(response));
    });

    it('DELETE answers 204 and the item is gone', async () => {
      const item = await createItem(api());
      dropOnce('TransactWriteItems');

      const response = await api().call('DELETE', `/items/${item.id}`);

      expect(response.status).toBe(204);
      expect((await api().call('GET', `/items/${item.id}`)).status).toBe(404);
    });

    it('DELETE with If-Match "1" answers 204, not 412 or 404', async () => {
      const item = await createItem(api());
      dropOnce('TransactWriteItems');

      const response = await api().call('DELETE', `/items/${item.id}`, { headers: { 'If-Match': '"1"' } });

      expect(response.status).toBe(204);
      expect((await api().call('GET', `/items/${item.id}`)).status).toBe(404);
    });

    it('POST with an Idempotency-Key answers 201, and its retry replays the same item', async () => {
      const before = await listAll(api());
      const headers = { 'Idempotency-Key': randomUUID() };
      dropOnce('TransactWriteItems');

      const first = await api().call('POST', '/items', { body: { name: 'keyed' }, headers });
      const retry = await api().call('POST', '/items', { body: { name: 'keyed' }, headers });

      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toBe(first.body);
      expect(await listAll(api())).toHaveLength(before.length + 1);
    });
  });

  describe('reads whose answer is lost are retried', () => {
    it('GET answers the item', async () => {
      const item = await createItem(api());
      dropOnce('GetItem');

      const response = await api().call('GET', `/items/${item.id}`);

      expect(response.status).toBe(200);
      expect(asItem(response)).toEqual(item);
    });

    it('list answers the page', async () => {
      const item = await createItem(api());
      dropOnce('Query');

      const response = await api().call('GET', '/items?limit=1');

      expect(response.status).toBe(200);
      expect(response.json.items).toEqual([item]);
    });
  });

  describe('an answer held past the attempt timeout', () => {
    it('GET is retried and answers within the deadline', async () => {
      const item = await createItem(api());
      faults().inject({ fault: 'hold', operation: 'GetItem', times: 1 });

      const started = Date.now();
      const response = await api().call('GET', `/items/${item.id}`);

      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(Number(LIMITS.DYNAMODB_TIMEOUT_MS));
    });

    it('PATCH held after commit answers the one write it made', async () => {
      const item = await createItem(api());
      faults().inject({ fault: 'hold', operation: 'UpdateItem', times: 1 });

      const response = await api().call('PATCH', `/items/${item.id}`, { body: { name: 'held' } });

      expect(response.status).toBe(200);
      expect(asItem(response).version).toBe(2);
      expect(asItem(await api().call('GET', `/items/${item.id}`)).version).toBe(2);
    });

    it('an engine that never answers gives 503 with Retry-After inside the deadline', async () => {
      const item = await createItem(api());
      faults().inject({ fault: 'hold' });

      const started = Date.now();
      const response = await api().call('GET', `/items/${item.id}`);

      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(Date.now() - started).toBeLessThan(Number(LIMITS.DYNAMODB_TIMEOUT_MS) + 500);
    });
  });

  describe.each<[string, FaultRule['fault']]>([
    ['500 InternalServerError', 'server-error'],
    ['throttling (ProvisionedThroughputExceededException)', 'throttle'],
  ])('%s', (_name, fault) => {
    it('once: the SDK retries and the request succeeds', async () => {
      const item = await createItem(api());
      faults().inject({ fault, times: 1 });

      const response = await api().call('GET', `/items/${item.id}`);

      expect(response.status).toBe(200);
    });

    // Every storage call site, each answering 503 problem+json once the retries are spent.
    const key = randomUUID();
    it.each<[string, string, (id: string) => string, Record<string, unknown>]>([
      ['insert', 'POST', () => '/items', { body: { name: 'x' } }],
      [
        'idempotent insert',
        'POST',
        () => '/items',
        { body: { name: 'x' }, headers: { 'Idempotency-Key': key } },
      ],
      ['find', 'GET', (id) => `/items/${id}`, {}],
      ['list', 'GET', () => '/items', {}],
      ['list by status', 'GET', () => '/items?status=active', {}],
      ['update (PUT)', 'PUT', (id) => `/items/${id}`, { body: { name: 'x' } }],
      ['update (PATCH)', 'PATCH', (id) => `/items/${id}`, { body: { name: 'x' } }],
      ['delete', 'DELETE', (id) => `/items/${id}`, {}],
    ])('always: %s answers 503 with Retry-After', async (_site, method, path, options) => {
      const item = await createItem(api());
      faults().inject({ fault });

      const response = await api().call(method, path(item.id), options);

      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(asProblem(response)).toMatchObject({ type: '/problems/service-unavailable', status: 503 });
      expect(response.body).not.toMatch(/Provisioned|Injected|InternalServerError/);
    });
  });

  describe('an engine that refuses connections', () => {
    it('answers 503, then recovers by itself when the engine is back', async () => {
      // Prepare
      const item = await createItem(api());
      await faults().refuse();

      // Act
      let down: number;
      try {
        down = (await api().call('GET', `/items/${item.id}`)).status;
      } finally {
        await faults().accept();
      }
      const up = await api().call('GET', `/items/${item.id}`);

      // Assess
      expect(down).toBe(503);
      expect(up.status).toBe(200);
    });
  });
});
