import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import {
  CompactSign,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type KeyLike,
  SignJWT,
} from 'jose';
import { loadBearerConfig } from '../../src/auth/bearer-config';
import { type BearerVerifier, verifyBearer } from '../../src/auth/jwt-verifier';
import { stageArn, tokenAuthorizer } from '../../src/auth/token-authorizer';

const ISSUER = 'https://issuer.test/';
const AUDIENCE = 'items-api';

interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
}

async function signingKey(kid: string, alg: SigningKey['alg']): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey };
}

/** A real JWKS endpoint on 127.0.0.1, counting how often it is fetched. */
async function startJwksServer(
  keys: readonly JWK[],
): Promise<{ server: Server; url: URL; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`), hits: () => hits };
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

let rsa: SigningKey;
let ec: SigningKey;
let stranger: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let verify: BearerVerifier;

beforeAll(async () => {
  rsa = await signingKey('rsa-1', 'RS256');
  ec = await signingKey('ec-1', 'ES256');
  stranger = await signingKey('not-published', 'ES256');
  const published = await Promise.all(
    [rsa, ec].map(async ({ kid, alg, publicKey }) => ({
      ...(await exportJWK(publicKey)),
      kid,
      alg,
      use: 'sig',
    })),
  );
  jwks = await startJwksServer(published);
  verify = verifyBearer({ issuer: ISSUER, audience: AUDIENCE, keys: jwks.url });
});

afterAll(async () => {
  // Runs whether or not the tests passed, so the server never outlives the file.
  await new Promise<void>((resolve) => (jwks === undefined ? resolve() : jwks.server.close(() => resolve())));
});

interface TokenOptions {
  readonly key?: SigningKey;
  readonly subject?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresIn?: string | number;
}

function token({
  key = rsa,
  subject = 'user-1',
  issuer = ISSUER,
  audience = AUDIENCE,
  expiresIn = '1h',
}: TokenOptions = {}) {
  return new SignJWT({ scope: 'items' })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

const claims = (extra: Record<string, unknown> = {}): JWTPayload & Record<string, unknown> => {
  const now = Math.floor(Date.now() / 1000);
  return { sub: 'user-1', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600, ...extra };
};

describe('verifyBearer against a JWKS served over HTTP', () => {
  it.each([
    ['RS256', () => rsa],
    ['ES256', () => ec],
  ])('accepts a valid %s token and returns its claims', async (_alg, key) => {
    const result = await verify(`Bearer ${await token({ key: key() })}`);

    expect(result).toMatchObject({ sub: 'user-1', iss: ISSUER, aud: AUDIENCE, scope: 'items' });
  });

  it('accepts the audience in client_id, as Cognito access tokens carry it (and the JWT authorizer accepts it)', async () => {
    const { aud: _aud, ...withoutAud } = claims({ client_id: AUDIENCE, token_use: 'access' });
    const accessToken = await new SignJWT(withoutAud)
      .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
      .sign(rsa.privateKey);

    expect(await verify(`Bearer ${accessToken}`)).toMatchObject({ sub: 'user-1', client_id: AUDIENCE });
  });

  it('accepts the scheme in any case', async () => {
    expect(await verify(`bearer ${await token()}`)).toMatchObject({ sub: 'user-1' });
  });

  it('fetches the key set once and serves later tokens from its cache', async () => {
    const before = jwks.hits();

    for (let i = 0; i < 5; i += 1)
      expect(await verify(`Bearer ${await token({ subject: `u${i}` })}`)).toBeDefined();

    expect(jwks.hits()).toBe(before);
    expect(before).toBe(1);
  });

  const refused: ReadonlyArray<[string, () => Promise<string | undefined>]> = [
    ['no header', async () => undefined],
    ['another scheme', async () => `Basic ${base64url('a:b')}`],
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt'],
    [
      'an expired token',
      async () => `Bearer ${await token({ expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    ],
    ['a token from another issuer', async () => `Bearer ${await token({ issuer: 'https://evil.test/' })}`],
    ['a token for another audience', async () => `Bearer ${await token({ audience: 'another-api' })}`],
    [
      'a token with no audience',
      async () => {
        const { aud: _aud, ...withoutAud } = claims();
        const signed = await new SignJWT(withoutAud)
          .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
          .sign(rsa.privateKey);
        return `Bearer ${signed}`;
      },
    ],
    ['a valid token without the Bearer scheme', async () => token()],
    [
      'alg none',
      async () =>
        `Bearer ${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims()))}.`,
    ],
    [
      'HMAC signed with the public key',
      async () => {
        // The classic confusion attack: HS256 keyed with the issuer's public key, naming its kid.
        const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
        const forged = await new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256', kid: rsa.kid, typ: 'JWT' })
          .sign(secret);
        return `Bearer ${forged}`;
      },
    ],
    ['a key the issuer does not publish', async () => `Bearer ${await token({ key: stranger })}`],
    [
      'a signature by another key under a published kid',
      async () => `Bearer ${await token({ key: { ...stranger, kid: ec.kid } })}`,
    ],
    [
      'a numeric sub',
      async () => {
        const payload = new TextEncoder().encode(JSON.stringify(claims({ sub: 123 })));
        const signed = await new CompactSign(payload)
          .setProtectedHeader({ alg: 'RS256', kid: rsa.kid, typ: 'JWT' })
          .sign(rsa.privateKey);
        return `Bearer ${signed}`;
      },
    ],
    [
      'no sub',
      async () => {
        const { sub: _sub, ...withoutSub } = claims();
        const signed = await new SignJWT(withoutSub)
          .setProtectedHeader({ alg: 'RS256', kid: rsa.kid })
          .sign(rsa.privateKey);
        return `Bearer ${signed}`;
      },
    ],
  ];

  it.each(refused)('refuses %s', async (_case, header) => {
    expect(await verify(await header())).toBeUndefined();
  });
});

describe('tokenAuthorizer', () => {
  const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/dev/GET/items/42';
  const event = (authorizationToken: string): APIGatewayTokenAuthorizerEvent => ({
    type: 'TOKEN',
    methodArn,
    authorizationToken,
  });

  it('allows the whole stage for a valid token, with sub as principal and as the only context key', async () => {
    const result = await tokenAuthorizer(verify)(event(`Bearer ${await token({ subject: 'alice' })}`));

    expect(result).toEqual({
      principalId: 'alice',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/dev/*',
          },
        ],
      },
      context: { sub: 'alice' },
    });
  });

  it('answers Unauthorized (API Gateway: 401) for an invalid token', async () => {
    await expect(tokenAuthorizer(verify)(event(`Bearer ${await token({ audience: 'x' })}`))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it('derives the stage ARN from a method ARN', () => {
    expect(stageArn('arn:aws:execute-api:us-east-1:1:api/prod/DELETE/items/{itemId}')).toBe(
      'arn:aws:execute-api:us-east-1:1:api/prod/*',
    );
  });
});

describe('loadBearerConfig', () => {
  it('defaults the JWKS to the issuer well-known path and the algorithms to RS256 and ES256', () => {
    const config = loadBearerConfig({ JWT_ISSUER: 'https://id.example.com/', JWT_AUDIENCE: 'a, b' });

    expect(config).toEqual({
      issuer: 'https://id.example.com/',
      audience: ['a', 'b'],
      keys: new URL('https://id.example.com/.well-known/jwks.json'),
      algorithms: ['RS256', 'ES256'],
    });
  });

  it('takes the key set itself from JWT_JWKS (a local issuer), verifying with it', async () => {
    const published = { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: rsa.kid, alg: 'RS256' }] };
    const config = loadBearerConfig({
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_JWKS: JSON.stringify(published),
    });

    expect(config.keys).toEqual(published);
    expect(await verifyBearer(config)(`Bearer ${await token()}`)).toMatchObject({ sub: 'user-1' });
  });

  it.each([
    [{ JWT_AUDIENCE: 'a' }, 'JWT_ISSUER is required'],
    [
      { JWT_ISSUER: 'https://i', JWT_AUDIENCE: 'a', JWT_JWKS: '{"keys":[1]}' },
      'JWT_JWKS must be a JSON Web Key Set',
    ],
    [{ JWT_ISSUER: 'https://i', JWT_AUDIENCE: 'a', JWT_JWKS: 'nope' }, 'JWT_JWKS must be a JSON Web Key Set'],
    [{ JWT_ISSUER: 'https://id.example.com' }, 'JWT_AUDIENCE is required'],
    [
      { JWT_ISSUER: 'https://i', JWT_AUDIENCE: 'a', JWT_JWKS_URI: 'http://keys.example.com/' },
      'must be https',
    ],
    [{ JWT_ISSUER: 'https://i', JWT_AUDIENCE: 'a', JWT_ALGORITHMS: 'RS256,HS256' }, 'must be asymmetric'],
  ])('refuses %j', (env, message) => {
    expect(() => loadBearerConfig(env)).toThrow(message);
  });
});
