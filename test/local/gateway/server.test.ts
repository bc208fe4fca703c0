import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type RunningGateway, startGateway } from '../../../src/local/gateway/server';

describe('local gateway', () => {
  const events: APIGatewayProxyEvent[] = [];
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      // Records the events it is given: this test is about the event the gateway builds, not the app.
      handler: async (event) => {
        events.push(event);
        return {
          statusCode: 207,
          headers: { 'x-seen': event.resource },
          multiValueHeaders: { 'set-thing': ['a', 'b'] },
          body: 'ok',
        };
      },
      resources: { '/items': ['GET', 'POST'], '/items/{itemId}': ['GET', 'PUT', 'PATCH', 'DELETE'] },
      cors: { origins: ['https://app.example.com'] },
      // Stands in for token verification, which test/local/auth covers: this test is about the event.
      authorizer: async (authorization) =>
        authorization === 'Bearer good' ? { claims: { sub: 'alice', exp: '1700000000' } } : undefined,
      port: 0,
    });
  });
  afterAll(() => gateway.close());

  it('sends the REST API proxy event (payload v1) that API Gateway sends', async () => {
    // Act
    const response = await fetch(`${gateway.url}/items/abc?limit=5&tag=a&tag=b`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"3"', Authorization: 'Bearer good' },
      body: '{"name":"x"}',
    });

    // Assess
    const event = events.at(-1);
    expect(event).toMatchObject({
      resource: '/items/{itemId}',
      path: '/items/abc',
      httpMethod: 'PUT',
      pathParameters: { itemId: 'abc' },
      queryStringParameters: { limit: '5', tag: 'b' },
      multiValueQueryStringParameters: { limit: ['5'], tag: ['a', 'b'] },
      body: '{"name":"x"}',
      isBase64Encoded: false,
      requestContext: {
        authorizer: { claims: { sub: 'alice', exp: '1700000000' } },
        httpMethod: 'PUT',
        resourcePath: '/items/{itemId}',
        stage: 'local',
        requestId: expect.any(String),
      },
    });
    expect(event?.headers['If-Match']).toBe('"3"');
    expect(response.status).toBe(207);
    expect(response.headers.get('x-seen')).toBe('/items/{itemId}');
    expect(response.headers.get('set-thing')).toBe('a, b');
    expect(await response.text()).toBe('ok');
  });

  it('gives null body, query and path parameters when there are none', async () => {
    await fetch(`${gateway.url}/items`, { headers: { Authorization: 'Bearer good' } });

    expect(events.at(-1)).toMatchObject({
      resource: '/items',
      body: null,
      queryStringParameters: null,
      pathParameters: null,
    });
  });

  it.each([
    ['an allowed origin', 'https://app.example.com', 'https://app.example.com'],
    ['another origin', 'https://evil.example.com', null],
  ])('answers preflight itself for %s, without calling the function', async (_case, origin, allowOrigin) => {
    const before = events.length;

    const response = await fetch(`${gateway.url}/items/abc`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'if-match',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowOrigin);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,PUT,PATCH,DELETE,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,Authorization,If-Match,Idempotency-Key,X-Api-Key',
    );
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'ETag,Location,Retry-After,Idempotent-Replayed,X-Request-Id',
    );
    expect(events).toHaveLength(before);
  });

  it('answers 401 itself for a missing token, readable by an allowed origin', async () => {
    const before = events.length;

    const response = await fetch(`${gateway.url}/items`, { headers: { Origin: 'https://app.example.com' } });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(events).toHaveLength(before);
  });

  it('answers 413 itself, as API Gateway does, for a body over 10 MiB', async () => {
    const before = events.length;

    const response = await fetch(`${gateway.url}/items`, {
      method: 'POST',
      headers: { Authorization: 'Bearer good' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: '/problems/body-too-large', status: 413 });
    expect(events).toHaveLength(before);
  });
});

describe('local gateway under a stage path', () => {
  const events: APIGatewayProxyEvent[] = [];
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      handler: async (event) => {
        events.push(event);
        return { statusCode: 200, body: 'ok' };
      },
      resources: { '/items': ['GET', 'POST'], '/items/{itemId}': ['GET'] },
      cors: { origins: [] },
      port: 0,
      stage: 'dev',
      mount: { via: 'execute-api' },
    });
  });
  afterAll(() => gateway.close());

  it('strips the stage as execute-api does, and says it in requestContext.path', async () => {
    await fetch(`${gateway.url}/dev/items/abc`);

    expect(events.at(-1)).toMatchObject({
      resource: '/items/{itemId}',
      path: '/items/abc',
      pathParameters: { itemId: 'abc' },
      requestContext: { path: '/dev/items/abc', stage: 'dev', domainName: '127.0.0.1' },
    });
  });

  it('answers 404 outside the stage, without calling the function', async () => {
    const before = events.length;

    const response = await fetch(`${gateway.url}/items`);

    expect(response.status).toBe(404);
    expect(events.length).toBe(before);
  });
});
