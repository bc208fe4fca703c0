import type { HttpRequest } from '../../../src/http/http-types';
import {
  allowedOrigin,
  corsHeaders,
  corsMiddleware,
  preflightHeaders,
} from '../../../src/http/middleware/cors';

const request = (origin?: string): HttpRequest => ({
  method: 'GET',
  path: '/items',
  headers: origin === undefined ? {} : { origin },
  query: {},
  requestId: 'req-1',
});

describe('corsMiddleware', () => {
  const cors = corsMiddleware({ origins: ['https://app.example.com'] });
  const problem = async () => ({
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: '{}',
  });

  it('grants an allowed origin on any answer, problem+json included, keeping its headers', async () => {
    const response = await cors({ request: request('https://app.example.com') }, problem);

    expect(response.status).toBe(404);
    expect(response.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-expose-headers': 'ETag, Location, Retry-After, Idempotent-Replayed, X-Request-Id',
      vary: 'Origin',
    });
  });

  it.each([['https://evil.example.com'], [undefined]])('grants nothing to origin %s', async (origin) => {
    const response = await cors({ request: request(origin) }, problem);

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers.vary).toBe('Origin');
  });
});

describe('CORS policy', () => {
  it.each([
    [['*'], 'https://any.example.com', '*'],
    [['https://app.example.com'], 'https://app.example.com', 'https://app.example.com'],
    [['https://app.example.com'], 'https://app.example.com.evil.com', undefined],
    [['https://app.example.com'], undefined, undefined],
    [[], 'https://app.example.com', undefined],
  ])('with origins %p allows %p as %p', (origins, origin, expected) => {
    expect(allowedOrigin({ origins }, origin)).toBe(expected);
  });

  it('adds nothing when CORS is off', () => {
    expect(corsHeaders({ origins: [] }, 'https://app.example.com')).toEqual({});
  });

  it('answers preflight with the methods of the path and the allowed request headers', () => {
    expect(
      preflightHeaders({ origins: ['https://app.example.com'] }, 'https://app.example.com', ['GET', 'POST']),
    ).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers': 'Content-Type,Authorization,If-Match,Idempotency-Key,X-Api-Key',
      'access-control-expose-headers': 'ETag,Location,Retry-After,Idempotent-Replayed,X-Request-Id',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });
});
