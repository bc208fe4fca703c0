import { allowedOrigin, corsHeaders, preflightHeaders } from '../../../src/http/cors';

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
      'access-control-allow-headers': 'Content-Type,Authorization,If-Match,Idempotency-Key',
      'access-control-expose-headers': 'ETag,Location',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });
});
