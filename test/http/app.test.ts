import type { Logger } from '../../src/logger';
import type { ItemRepository } from '../../src/resources/items/item-repository';
import { asProblem } from '../support/factories';
import { TRANSPORTS, useTestApi } from '../support/test-api';

describe.each(TRANSPORTS)('HTTP app routing via %s', (transport) => {
  const api = useTestApi(transport);

  it.each(['/', '/things', '/items/01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71/media', '/itemsx'])(
    'answers 404 problem+json for the unknown path %s',
    async (path) => {
      const response = await api.call('GET', path);

      expect(response.status).toBe(404);
      expect(asProblem(response)).toMatchObject({ type: '/problems/not-found', status: 404 });
    },
  );

  it.each([
    ['PUT', '/items', 'GET, POST'],
    ['DELETE', '/items', 'GET, POST'],
    ['POST', '/items/01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71', 'GET, PUT, PATCH, DELETE'],
  ])('answers 405 with Allow for %s %s', async (method, path, allow) => {
    const response = await api.call(method, path);

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(asProblem(response)).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
  });
});

describe('HTTP app server faults', () => {
  // DynamoDB Local cannot be made to fail on cue, so a repository that throws stands in for it:
  // this is what a throttled or unreachable table looks like to the app.
  const failing: ItemRepository = {
    insert: () =>
      Promise.reject(new Error('ProvisionedThroughputExceededException: secret table arn:aws:dynamodb:x')),
    find: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.1:443')),
    list: () => Promise.reject(new Error('boom')),
    update: () => Promise.reject(new Error('boom')),
    delete: () => Promise.reject(new Error('boom')),
  };
  const logged: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (message, fields) => logged.push({ message, fields }),
  };
  const api = useTestApi('lambda', { overrides: { repository: failing, logger } });

  it('answers 500 with a generic problem, logging the cause under the request id', async () => {
    // Act
    const response = await api.call('POST', '/items', { body: { name: 'x' } });

    // Assess
    expect(response.status).toBe(500);
    const problem = asProblem(response);
    expect(problem).toMatchObject({
      type: '/problems/internal-error',
      status: 500,
      instance: expect.any(String),
    });
    expect(response.body).not.toMatch(/Provisioned|arn:aws|\bat \w/);
    expect(logged).toContainEqual({
      message: 'request failed',
      fields: {
        requestId: problem.instance,
        error: expect.objectContaining({ message: expect.stringContaining('Provisioned') }),
      },
    });
  });

  it('still answers client errors with 4xx before storage is touched', async () => {
    const response = await api.call('GET', '/items/nope');

    expect(response.status).toBe(400);
  });
});

describe.each(TRANSPORTS)('HTTP app CORS via %s', (transport) => {
  const api = useTestApi(transport, {
    env: { CORS_ALLOWED_ORIGINS: 'https://app.example.com, https://admin.example.com' },
  });

  it.each([
    ['GET', '/items'],
    ['GET', '/items/nope'],
  ])(
    'lets an allowed origin read %s %s, errors included, with ETag, Location, Retry-After, Idempotent-Replayed and X-Request-Id exposed',
    async (method, path) => {
      const response = await api.call(method, path, { headers: { Origin: 'https://admin.example.com' } });

      expect(response.headers['access-control-allow-origin']).toBe('https://admin.example.com');
      expect(response.headers['access-control-expose-headers']).toBe(
        'ETag, Location, Retry-After, Idempotent-Replayed, X-Request-Id',
      );
      expect(response.headers.vary).toBe('Origin');
    },
  );

  it('gives no CORS grant to another origin', async () => {
    const response = await api.call('GET', '/items', { headers: { Origin: 'https://evil.example.com' } });

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers.vary).toBe('Origin');
  });
});
