import { loadConfig } from '../../../src/config';
import type { Caller, HttpRequest } from '../../../src/http/http-types';
import { authenticating } from '../../../src/http/middleware/authenticating';

const request = (caller?: Caller): HttpRequest => ({
  method: 'GET',
  path: '/items',
  headers: { authorization: 'Bearer a.b.c' },
  query: {},
  requestId: 'r',
  ...(caller !== undefined && { caller }),
});

describe('authenticating (src/auth/authenticating.ts)', () => {
  const seenBy = (verified: string | undefined) => {
    const seen: unknown[] = [];
    const app = authenticating(
      async (incoming) => {
        seen.push(incoming.caller);
        return { status: 200, headers: {} };
      },
      async () => (verified === undefined ? undefined : { sub: verified }),
    );
    return { app, seen };
  };

  it('names the caller from a verified token, and leaves one the gateway verified alone', async () => {
    // Prepare
    const { app, seen } = seenBy('from token');

    // Act
    await app(request({ subject: 'gateway' }));
    await app(request());

    // Assess
    expect(seen).toEqual([{ subject: 'gateway' }, { subject: 'from token' }]);
  });

  it('passes a refused token on without a caller, for the app to answer 401', async () => {
    const { app, seen } = seenBy(undefined);

    await app(request());

    expect(seen).toEqual([undefined]);
  });
});

describe('loadConfig: JWT_* (the function verifies tokens behind an HTTP API)', () => {
  const base = {
    TABLE_NAME: 't',
    PAGE_TOKEN_SECRET: Buffer.alloc(32, 1).toString('base64'),
    MEDIA_BUCKET: 'media',
  };

  it('is off without JWT_ISSUER', () => {
    expect(loadConfig(base).auth).toBeUndefined();
  });

  it('reads the issuer, audiences and JWKS URL as the JWT Lambda authorizer does', () => {
    const config = loadConfig({
      ...base,
      JWT_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/pool',
      JWT_AUDIENCE: 'a, b',
      JWT_JWKS_URI: 'https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json',
    });

    expect(config.auth).toEqual({
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/pool',
      audience: ['a', 'b'],
      keys: new URL('https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json'),
      algorithms: ['RS256', 'ES256'],
    });
  });

  it.each([
    [{ JWT_ISSUER: 'https://i' }, 'JWT_AUDIENCE is required'],
    [{ JWT_ISSUER: 'https://i', JWT_AUDIENCE: 'a', JWT_JWKS: 'nope' }, 'JWT_JWKS must be a JSON Web Key Set'],
  ])('fails at cold start on %j as a ConfigError', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(
      expect.objectContaining({ name: 'ConfigError', message }),
    );
  });
});
