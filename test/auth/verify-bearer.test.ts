import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';
import { authenticating, bearerVerifier } from '../../src/auth/verify-bearer';
import { loadConfig } from '../../src/config';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../src/local/auth/local-identity';
import { forgedTokens } from '../support/tokens';

const ISSUER = LOCAL_ISSUER;
const AUDIENCE = LOCAL_AUDIENCE;

describe('bearerVerifier (src/auth/verify-bearer.ts)', () => {
  let sign: (claims: JWTPayload, change?: (jwt: SignJWT) => SignJWT) => Promise<string>;
  let jwks: JSONWebKeySet;
  let server: Server;
  let jwksUrl: string;
  let fetches = 0;
  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    sign = (claims, change = (jwt) => jwt) =>
      change(
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setIssuedAt()
          .setExpirationTime('1h'),
      ).sign(privateKey);
    server = createServer((_, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const inline = () => bearerVerifier({ issuer: ISSUER, audience: [AUDIENCE], keys: { jwks } });

  it('accepts a token signed by the issuer for this audience, naming its subject', async () => {
    const token = await sign({ sub: 'alice', aud: AUDIENCE });

    expect(await inline()(`Bearer ${token}`)).toEqual({ subject: 'alice' });
  });

  it('accepts the audience in client_id, as Cognito access tokens carry it (and the JWT authorizer accepts it)', async () => {
    const token = await sign({ sub: 'alice', client_id: AUDIENCE, token_use: 'access' });

    expect(await inline()(`Bearer ${token}`)).toEqual({ subject: 'alice' });
  });

  it('fetches the key set from the JWKS URL once, then verifies from its cache', async () => {
    const verify = bearerVerifier({ issuer: ISSUER, audience: [AUDIENCE], keys: { url: jwksUrl } });
    const token = await sign({ sub: 'bob', aud: AUDIENCE });
    fetches = 0;

    expect(await verify(`Bearer ${token}`)).toEqual({ subject: 'bob' });
    expect(await verify(`Bearer ${token}`)).toEqual({ subject: 'bob' });
    expect(fetches).toBe(1);
  });

  it('refuses every token that is not a valid one for this API', async () => {
    const numericSubject: Record<string, unknown> = { sub: 42, aud: AUDIENCE };
    const forged = await forgedTokens();
    const refused: Record<string, string | undefined> = {
      none: undefined,
      'not a bearer': `Basic ${Buffer.from('a:b').toString('base64')}`,
      'no scheme': await sign({ sub: 'alice', aud: AUDIENCE }),
      expired: `Bearer ${await sign({ sub: 'alice', aud: AUDIENCE }, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60))}`,
      'another audience': `Bearer ${await sign({ sub: 'alice', aud: 'another-api' })}`,
      'no audience': `Bearer ${await sign({ sub: 'alice' })}`,
      'another issuer': `Bearer ${await sign({ sub: 'alice', aud: AUDIENCE }, (jwt) => jwt.setIssuer('https://evil.example.com'))}`,
      'no subject': `Bearer ${await sign({ aud: AUDIENCE })}`,
      'numeric subject': `Bearer ${await sign(numericSubject)}`,
      ...Object.fromEntries(Object.entries(forged).map(([kind, token]) => [kind, `Bearer ${token}`])),
    };
    const verify = inline();

    for (const [kind, authorization] of Object.entries(refused)) {
      expect([kind, await verify(authorization)]).toEqual([kind, undefined]);
    }
  });

  it('leaves a caller the gateway already verified alone', async () => {
    const seen: unknown[] = [];
    const app = authenticating(
      async (request) => {
        seen.push(request.caller);
        return { status: 200, headers: {} };
      },
      async () => ({ subject: 'from token' }),
    );

    await app({
      method: 'GET',
      path: '/items',
      headers: {},
      query: {},
      requestId: 'r',
      caller: { subject: 'gateway' },
    });
    await app({ method: 'GET', path: '/items', headers: {}, query: {}, requestId: 'r' });

    expect(seen).toEqual([{ subject: 'gateway' }, { subject: 'from token' }]);
  });
});

describe('AUTH_* config', () => {
  const base = { TABLE_NAME: 't', PAGE_TOKEN_SECRET: Buffer.alloc(32, 1).toString('base64') };

  it('is off without AUTH_ISSUER', () => {
    expect(loadConfig(base).auth).toBeUndefined();
  });

  it('reads the issuer, audiences and JWKS URL', () => {
    const config = loadConfig({
      ...base,
      AUTH_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/pool',
      AUTH_AUDIENCE: 'a, b',
      AUTH_JWKS_URL: 'https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json',
    });

    expect(config.auth).toEqual({
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/pool',
      audience: ['a', 'b'],
      keys: { url: 'https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json' },
    });
  });

  it.each([
    [{ AUTH_ISSUER: 'i', AUTH_JWKS_URL: 'https://x' }, 'AUTH_AUDIENCE is required with AUTH_ISSUER'],
    [{ AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, 'AUTH_JWKS_URL (or AUTH_JWKS) is required with AUTH_ISSUER'],
    [
      { AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_JWKS: '{"keys":[1]}' },
      'AUTH_JWKS must be a JSON Web Key Set',
    ],
    [{ AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_JWKS: 'nope' }, 'AUTH_JWKS must be a JSON Web Key Set'],
  ])('fails at cold start on %j', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
