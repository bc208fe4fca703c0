import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createEvent } from '../../fixtures/events';
import spec from '../../generated/openapi.json';
import type { ProxyHandler } from '../../src/gateway-events/rest-api-v1';
import { pathMatcher } from '../../src/http/router';
import { type Mount, proxyEvent } from '../../src/local/gateway/rest-api-event';
import { createTestTable } from '../support/table';

/** Where clients reach the API, and how API Gateway maps that onto the stage. */
interface DeploymentShape {
  readonly name: string;
  /** The API's root as clients call it. */
  readonly root: string;
  readonly mount: Mount;
  readonly stage: string;
}

const SHAPES: readonly DeploymentShape[] = [
  {
    name: 'execute-api URL with stage dev',
    root: 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev',
    mount: { via: 'execute-api' },
    stage: 'dev',
  },
  {
    name: 'custom domain, base path v1',
    root: 'https://api.example.com/v1',
    mount: { via: 'domain', basePath: 'v1' },
    stage: 'prod',
  },
  {
    name: 'custom domain at its root',
    root: 'https://api.example.com',
    mount: { via: 'domain' },
    stage: 'prod',
  },
  { name: 'local server', root: 'http://127.0.0.1:3000', mount: { via: 'domain' }, stage: 'local' },
];

const matchPath = pathMatcher(Object.keys(spec.paths));

/** The event API Gateway sends for a request to `url` on `shape`, with a Cognito-verified caller. */
function eventAt(shape: DeploymentShape, method: string, url: URL, body?: string): APIGatewayProxyEvent {
  const rootPath = new URL(shape.root).pathname.replace(/\/$/, '');
  const apiUrl = new URL(url);
  apiUrl.pathname = url.pathname.slice(rootPath.length);
  const headers = {
    Host: url.host,
    'X-Forwarded-Proto': url.protocol.replace(':', ''),
    ...(body !== undefined && { 'Content-Type': 'application/json' }),
  };
  const event = proxyEvent({
    method,
    url: apiUrl,
    mount: shape.mount,
    domainName: url.hostname,
    resource: matchPath(apiUrl.pathname),
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    body: body ?? null,
    stage: shape.stage,
    sourceIp: '203.0.113.7',
    protocol: 'HTTP/1.1',
  });
  event.requestContext.authorizer = { claims: { sub: 'alice' } };
  return event;
}

describe('Lambda entry (src/entries/api.ts)', () => {
  let handler: ProxyHandler;
  beforeAll(async () => {
    process.env.TABLE_NAME = await createTestTable();
    // Loaded only now, as the Lambda runtime does, after the environment is in place.
    ({ handler } = require('../../src/entries/api') as typeof import('../../src/entries/api'));
  });

  it('serves a proxy event end to end', async () => {
    const created = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"from lambda"}',
        headers: { 'Content-Type': 'application/json' },
        subject: 'alice',
      }),
    );

    expect(created.statusCode).toBe(201);
    const location = created.headers?.location;
    expect((await handler(createEvent('GET', String(location), { subject: 'alice' }))).statusCode).toBe(200);
  });

  describe.each(SHAPES)('Location on the $name', (shape) => {
    it.each(['/items', '/items/'])('resolves from the request URL (POST %s) to the item', async (path) => {
      // Prepare
      const requestUrl = new URL(`${shape.root}${path}`);

      // Act
      const created = await handler(eventAt(shape, 'POST', requestUrl, '{"name":"located"}'));
      const itemUrl = new URL(String(created.headers?.location), requestUrl);
      const read = await handler(eventAt(shape, 'GET', itemUrl));

      // Assess
      expect(created.statusCode).toBe(201);
      const { id } = JSON.parse(created.body) as { id: string };
      expect(itemUrl.href).toBe(`${shape.root}/items/${id}`);
      expect(read.statusCode).toBe(200);
      expect(JSON.parse(read.body)).toEqual(JSON.parse(created.body));
    });

    it('resolves from the request URL (POST /items/{itemId}/media) to the media', async () => {
      // Prepare
      const item = await handler(
        eventAt(shape, 'POST', new URL(`${shape.root}/items`), '{"name":"with media"}'),
      );
      const { id: itemId } = JSON.parse(item.body) as { id: string };
      const requestUrl = new URL(`${shape.root}/items/${itemId}/media`);

      // Act
      const created = await handler(
        eventAt(shape, 'POST', requestUrl, '{"contentType":"image/png","size":1024,"fileName":"a.png"}'),
      );
      const mediaUrl = new URL(String(created.headers?.location), requestUrl);
      const read = await handler(eventAt(shape, 'GET', mediaUrl));

      // Assess
      expect(created.statusCode).toBe(201);
      const { id } = JSON.parse(created.body) as { id: string };
      expect(mediaUrl.href).toBe(`${shape.root}/items/${itemId}/media/${id}`);
      expect(read.statusCode).toBe(200);
      expect(JSON.parse(read.body)).toMatchObject({ id, status: 'pending' });
    });
  });

  describe('the caller, as each authorizer leaves it', () => {
    const post = (authorizer: Record<string, unknown>) => {
      const event = createEvent('POST', '/items', {
        body: '{"name":"by authorizer"}',
        headers: { 'Content-Type': 'application/json' },
      });
      event.requestContext.authorizer = authorizer;
      return handler(event);
    };

    it.each([
      ['a Cognito authorizer (claims.sub)', { claims: { sub: 'alice', token_use: 'id' } }],
      [
        'the JWT Lambda authorizer (flat context sub)',
        { sub: 'alice', principalId: 'alice', integrationLatency: 3 },
      ],
    ])('is read from %s', async (_, authorizer) => {
      const created = await post(authorizer);
      const { id } = JSON.parse(created.body) as { id: string };

      expect(created.statusCode).toBe(201);
      expect((await handler(createEvent('GET', `/items/${id}`, { subject: 'alice' }))).statusCode).toBe(200);
    });

    it.each([
      ['Cognito claims.sub a number', { claims: { sub: 42 } }],
      ['Cognito claims.sub a list', { claims: { sub: ['alice'] } }],
      ['Cognito claims.sub empty', { claims: { sub: '' } }],
      ['Cognito claims without sub', { claims: { email: 'alice@example.com' } }],
      ['context sub a number', { sub: 42, principalId: 'alice' }],
      ['context sub an object', { sub: { id: 'alice' } }],
      ['context without sub', { principalId: 'alice' }],
    ])('is nobody (401) with %s', async (_, authorizer) => {
      expect((await post(authorizer)).statusCode).toBe(401);
    });
  });

  it('decodes a base64-encoded body', async () => {
    const body = Buffer.from('{"name":"encoded"}').toString('base64');

    const response = await handler(
      createEvent('POST', '/items', {
        body,
        isBase64Encoded: true,
        headers: { 'content-type': 'application/json' },
        subject: 'alice',
      }),
    );

    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ name: 'encoded' });
  });

  it('keeps items apart by the authorizer subject', async () => {
    const created = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"mine"}',
        headers: { 'Content-Type': 'application/json' },
        subject: 'alice',
      }),
    );
    const id = JSON.parse(created.body).id as string;

    expect((await handler(createEvent('GET', `/items/${id}`, { subject: 'alice' }))).statusCode).toBe(200);
    expect((await handler(createEvent('GET', `/items/${id}`, { subject: 'bob' }))).statusCode).toBe(404);
  });

  it('answers 401 when no authorizer vouched for a caller, whatever the body claims', async () => {
    const response = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"x","owner":"alice"}',
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    expect(response.statusCode).toBe(401);
    expect(response.headers?.['www-authenticate']).toBe('Bearer');
  });

  it('fails at load with the missing variable named', () => {
    const saved = process.env.TABLE_NAME;
    delete process.env.TABLE_NAME;
    try {
      jest.isolateModules(() => {
        expect(() => require('../../src/entries/api')).toThrow('TABLE_NAME is required');
      });
    } finally {
      process.env.TABLE_NAME = saved;
    }
  });
});
