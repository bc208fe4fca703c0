/**
 * The local stand-in for the API's identity provider (Cognito on AWS): an ES256 key pair created
 * on first use and kept under the data directory, tokens signed with it, and a verifier that
 * accepts only those. Nothing here is loaded by the Lambda.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  type KeyLike,
  SignJWT,
} from 'jose';

export const LOCAL_ISSUER = 'urn:items-api:local-issuer';
export const LOCAL_AUDIENCE = 'items-api';
const ALGORITHM = 'ES256';
const KEY_FILE = 'auth/local-signing-key.jwk.json';

export interface IssueOptions {
  readonly ttlSeconds?: number;
  /** Other than this API's, to show they are refused. */
  readonly audience?: string;
  readonly issuer?: string;
  /** Claims set as given, over the usual ones: to forge a `sub` that is not a string, say. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface LocalIdentity {
  /** The key tokens are verified with (for a key set of the local authorizer's). */
  readonly publicKey: KeyLike;
  /** Signs a token for `subject`, valid for `ttlSeconds` (one hour by default). */
  issue(subject: string, options?: IssueOptions): Promise<string>;
  /**
   * Verifies an Authorization header value as API Gateway's authorizer would: `Bearer <JWT>`
   * signed by this key with ES256 (so `alg: none` and HMAC tokens fail), not expired, from this
   * issuer, for this audience. Returns the claims, or undefined for anything else.
   */
  verify(authorization: string | undefined): Promise<JWTPayload | undefined>;
  /** The public key as a JWKS, for a verifier of its own (the function behind an emulated HTTP API). */
  jwks(): Promise<JSONWebKeySet>;
}

export function localIdentity(privateKey: KeyLike, publicKey: KeyLike): LocalIdentity {
  return {
    publicKey,
    async issue(subject, options = {}) {
      const issuedAt = Math.floor(Date.now() / 1000);
      // Built as plain claims (not SignJWT's setters) so a test can forge one of any JSON type.
      const claims: JWTPayload = {
        token_use: 'id',
        sub: subject,
        iss: options.issuer ?? LOCAL_ISSUER,
        aud: options.audience ?? LOCAL_AUDIENCE,
        iat: issuedAt,
        exp: issuedAt + (options.ttlSeconds ?? 3600),
        ...options.claims,
      };
      return new SignJWT(claims).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' }).sign(privateKey);
    },
    async verify(authorization) {
      const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(
        authorization ?? '',
      )?.[1];
      if (token === undefined) return undefined;
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: [ALGORITHM],
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          requiredClaims: ['sub', 'exp'],
        });
        // A subject is a non-empty string (RFC 7519 §4.1.2): a list or an object names nobody.
        return typeof payload.sub === 'string' && payload.sub !== '' ? payload : undefined;
      } catch {
        // The reason (expired, bad signature, wrong audience…) is not the client's to learn.
        return undefined;
      }
    },
    async jwks() {
      return { keys: [{ ...(await exportJWK(publicKey)), alg: ALGORITHM, use: 'sig' }] };
    },
  };
}

/** A fresh key pair, for tests that need an identity of their own. */
export async function ephemeralIdentity(): Promise<LocalIdentity> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
  return localIdentity(privateKey, publicKey);
}

/** The development identity under `dataDir`, creating its key pair on first use. */
export async function loadLocalIdentity(dataDir: string): Promise<LocalIdentity> {
  const file = path.join(dataDir, KEY_FILE);
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    jwk = await exportJWK(privateKey);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = await importJWK(jwk, ALGORITHM);
  const publicKey = await importJWK(publicJwk, ALGORITHM);
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array)
    throw new Error(`${file} is not an EC key`);
  return localIdentity(privateKey, publicKey);
}
