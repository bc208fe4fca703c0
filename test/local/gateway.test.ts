import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type RunningGateway, startGateway } from '../../src/local/gateway';

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
      resources: ['/items', '/items/{itemId}'],
      port: 0,
    });
  });
  afterAll(() => gateway.close());

  it('sends the REST API proxy event (payload v1) that API Gateway sends', async () => {
    // Act
    const response = await fetch(`${gateway.url}/items/abc?limit=5&tag=a&tag=b`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"3"' },
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
    await fetch(`${gateway.url}/items`);

    expect(events.at(-1)).toMatchObject({
      resource: '/items',
      body: null,
      queryStringParameters: null,
      pathParameters: null,
    });
  });

  it('answers 413 itself, as API Gateway does, for a body over 10 MiB', async () => {
    const before = events.length;

    const response = await fetch(`${gateway.url}/items`, {
      method: 'POST',
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(events).toHaveLength(before);
  });
});
