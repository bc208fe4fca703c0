import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ephemeralIdentity,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type LocalIdentity,
  loadLocalIdentity,
} from '../../../src/local/dev-tools/identity';
import { forgedTokens } from '../../support/tokens';

describe('local identity', () => {
  let identity: LocalIdentity;
  beforeAll(async () => {
    identity = await ephemeralIdentity();
  });

  it('accepts its own token and returns the claims', async () => {
    const token = await identity.issue('alice');

    expect(await identity.verify(`Bearer ${token}`)).toMatchObject({
      sub: 'alice',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
    });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
    ['a bare scheme', 'Bearer'],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['garbage segments', 'Bearer aaa.bbb.ccc'],
  ])('refuses %s', async (_case, header) => {
    expect(await identity.verify(header)).toBeUndefined();
  });

  it('refuses an expired token', async () => {
    const token = await identity.issue('alice', { ttlSeconds: -10 });

    expect(await identity.verify(`Bearer ${token}`)).toBeUndefined();
  });

  it.each([
    ['another audience', { audience: 'some-other-api' }],
    ['another issuer', { issuer: 'https://issuer.example.com' }],
  ])('refuses a token for %s', async (_case, options) => {
    const token = await identity.issue('alice', options);

    expect(await identity.verify(`Bearer ${token}`)).toBeUndefined();
  });

  it('refuses a token of another identity', async () => {
    const other = await ephemeralIdentity();

    expect(await identity.verify(`Bearer ${await other.issue('alice')}`)).toBeUndefined();
  });

  it.each(['bad signature', 'alg none', 'HMAC-signed'])('refuses a %s token', async (kind) => {
    const token = (await forgedTokens())[kind];

    expect(await identity.verify(`Bearer ${token}`)).toBeUndefined();
  });

  it('keeps its key pair across loads from the same directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'items-api-identity-'));
    try {
      const token = await (await loadLocalIdentity(dir)).issue('carol');

      expect(await (await loadLocalIdentity(dir)).verify(`Bearer ${token}`)).toMatchObject({ sub: 'carol' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
