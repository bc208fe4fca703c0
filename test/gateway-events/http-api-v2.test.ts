import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createEvent, createHttpApiEvent } from '../../fixtures/events';
import { composeApp } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import { toGatewayHandler } from '../../src/gateway-events/gateway-handler';
import { toHttpApiHandler, toHttpRequest } from '../../src/gateway-events/http-api-v2';
import type { HttpApp, HttpRequest, HttpResponse } from '../../src/http/http-types';
import { assertMatchesContract } from '../support/contract';
import { createTestTable } from '../support/table';

const ITEM = '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71';

describe('HTTP API v2 events → HttpRequest (src/gateway-events/http-api-v2.ts)', () => {
  it('lower-cases header names and hands cookies back as one Cookie header', () => {
    const event: APIGatewayProxyEventV2 = {
      ...createHttpApiEvent('GET', `/items/${ITEM}`),
      headers: { 'If-Match': '"1"', 'content-type': 'application/json' },
      cookies: ['a=1', 'b=2'],
    };

    const request = toHttpRequest(event);

    expect({ ...request.headers }).toEqual({
      'if-match': '"1"',
      'content-type': 'application/json',
      cookie: 'a=1; b=2',
    });
  });

  it('takes method, raw path and the route hint from requestContext.http and routeKey', () => {
    const request = toHttpRequest(createHttpApiEvent('PATCH', `/items/${ITEM}`));

    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`/items/${ITEM}`);
    expect(request.routeHint?.template).toBe('/items/{itemId}');
    expect({ ...request.routeHint?.pathParameters }).toEqual({ itemId: ITEM });
  });

  it('gives no route hint for the $default route, so the router matches the path itself', () => {
    const event = createHttpApiEvent('POST', `/items/${ITEM}`);

    expect(event.routeKey).toBe('$default');
    expect(toHttpRequest(event).routeHint).toBeUndefined();
  });

  it('keeps repeated query keys apart (queryStringParameters would join them with a comma)', () => {
    const event = createHttpApiEvent('GET', '/items?status=active&status=archived&limit=5&q=a%20b');

    expect(event.queryStringParameters?.status).toBe('active,archived');
    expect({ ...toHttpRequest(event).query }).toEqual({
      status: ['active', 'archived'],
      limit: '5',
      q: 'a b',
    });
  });

  it('decodes a base64-encoded body', () => {
    const event = createHttpApiEvent('POST', '/items', { body: '{"name":"é"}', base64: true });

    expect(event.isBase64Encoded).toBe(true);
    expect(toHttpRequest(event).body).toBe('{"name":"é"}');
  });

  it.each<[string, Record<string, string | number | boolean | string[]> | undefined, string | undefined]>([
    ['a string sub', { sub: 'alice', scope: 'openid' }, 'alice'],
    ['no claims (no JWT authorizer)', undefined, undefined],
    ['an empty sub', { sub: '' }, undefined],
    ['a numeric sub', { sub: 42 }, undefined],
    ['a list as sub', { sub: ['alice'] }, undefined],
  ])('takes the caller from authorizer.jwt.claims: %s', (_, claims, subject) => {
    const request = toHttpRequest(
      createHttpApiEvent('GET', '/items', { ...(claims !== undefined && { claims }) }),
    );

    expect(request.caller).toEqual(subject === undefined ? undefined : { subject });
  });

  it('keeps a header named __proto__ a header', () => {
    // JSON.parse makes `__proto__` an own key, as the Lambda runtime's parse of the event does.
    const headers: Record<string, string> = JSON.parse('{"__proto__":"x"}');
    const event = { ...createHttpApiEvent('GET', '/items'), headers };

    const request = toHttpRequest(event);

    // The header is an own entry, and the record's prototype was not replaced by its value.
    expect(Object.getPrototypeOf(request.headers)).toBe(Object.prototype);
    expect(Object.entries(request.headers)).toEqual([['__proto__', 'x']]);
  });

  it('refuses a base64 body that is not UTF-8 inside the app, as behind the REST API', () => {
    const event = {
      ...createHttpApiEvent('POST', '/items'),
      body: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'),
      isBase64Encoded: true,
    };

    const request = toHttpRequest(event);

    expect(request.body).toBeUndefined();
    expect(request.bodyUnreadable).toBe('it is not UTF-8');
  });
});

describe('HttpResponse → v2 result', () => {
  const answering =
    (response: HttpResponse): HttpApp =>
    async () =>
      response;

  it('answers statusCode, headers, body and isBase64Encoded, without multiValueHeaders', async () => {
    const handler = toHttpApiHandler(answering({ status: 204, headers: { etag: '"2"' } }));

    expect(await handler(createHttpApiEvent('DELETE', `/items/${ITEM}`))).toEqual({
      statusCode: 204,
      headers: { etag: '"2"' },
      body: '',
      isBase64Encoded: false,
    });
  });

  it('sends a Set-Cookie header as cookies, the one way v2 sets them', async () => {
    const handler = toHttpApiHandler(
      answering({ status: 200, headers: { 'set-cookie': 'a=1', vary: 'Origin' } }),
    );

    const result = await handler(createHttpApiEvent('GET', '/items'));

    expect(result).toMatchObject({ headers: { vary: 'Origin' }, cookies: ['a=1'] });
    expect(result.headers).not.toHaveProperty('set-cookie');
  });
});

describe('one handler for both payload formats (src/gateway-events/gateway-handler.ts)', () => {
  const seen: HttpRequest[] = [];
  const handler = toGatewayHandler(async (request) => {
    seen.push(request);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it('converts v1 and v2 events for the same request into the same HttpRequest', async () => {
    const path = `/items/${ITEM}?limit=5`;
    const headers = { 'If-Match': '"1"' };

    await handler(createEvent('GET', path, { headers, subject: 'alice' }));
    await handler(createHttpApiEvent('GET', path, { headers, claims: { sub: 'alice' } }));

    const [v1, v2] = seen.map(({ requestId: _id, ...request }) => ({
      ...request,
      headers: { ...request.headers },
      query: { ...request.query },
      routeHint: request.routeHint && {
        template: request.routeHint.template,
        pathParameters: { ...request.routeHint.pathParameters },
      },
    }));
    expect(v2).toEqual(v1);
  });

  it('answers each event in its own format', async () => {
    const v1 = await handler(createEvent('GET', '/items', { subject: 'alice' }));
    const v2 = await handler(createHttpApiEvent('GET', '/items', { claims: { sub: 'alice' } }));

    expect(v1).not.toHaveProperty('isBase64Encoded');
    expect(v2).toMatchObject({ statusCode: 200, isBase64Encoded: false });
  });
});

describe('the app behind an HTTP API with a JWT authorizer (claims in the event)', () => {
  let handler: ReturnType<typeof toHttpApiHandler>;
  beforeAll(async () => {
    const config = loadConfig({ ...process.env, TABLE_NAME: await createTestTable() });
    handler = toHttpApiHandler(composeApp(config));
  });

  it.each([
    ['GET', '/nothing-here', 404, '/problems/not-found'],
    ['POST', `/items/${ITEM}`, 405, '/problems/method-not-allowed'],
  ])('answers %s %s from the $default route with problem+json %i', async (method, path, status, type) => {
    const result = await handler(createHttpApiEvent(method, path, { claims: { sub: 'alice' } }));

    expect(result.statusCode).toBe(status);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body ?? '')).toMatchObject({ type, status });
  });

  it('answers 401 problem+json when the claims name no caller', async () => {
    const result = await handler(createHttpApiEvent('GET', '/items', { claims: { sub: 7 } }));
    const response = {
      status: result.statusCode ?? 0,
      headers: stringHeaders(result.headers),
      body: result.body ?? '',
    };

    expect(response.status).toBe(401);
    assertMatchesContract('GET', '/items', response);
  });

  it('rejects repeated query keys with 400, as behind the REST API', async () => {
    const result = await handler(
      createHttpApiEvent('GET', '/items?limit=5&limit=6', { claims: { sub: 'alice' } }),
    );

    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? '').errors).toEqual([{ parameter: 'limit', detail: 'must be integer' }]);
  });
});

function stringHeaders(
  headers: Record<string, string | number | boolean> | undefined,
): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}
