/**
 * Who may call, from the environment: JWT_ISSUER, JWT_AUDIENCE and the issuer's keys, read once at
 * cold start and checked. The same variables configure the JWT Lambda authorizer (src/entries/authorizer.ts)
 * and the API function when it verifies tokens itself behind an HTTP API (src/config.ts).
 */
// Types only: the API function reads this config at every cold start, and jose loads only where a
// token is verified (src/compose-app.ts requires the verifier when the config asks for it).
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';

/** Asymmetric algorithms only: an HMAC token "signed" with the issuer's public key never verifies. */
export const DEFAULT_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface BearerVerifierOptions {
  /** The `iss` every token must carry, exactly. */
  readonly issuer: string;
  /** The audience (one of them) every token must carry in `aud` or `client_id`: the API's client id or audience. */
  readonly audience: string | readonly string[];
  /**
   * The issuer's keys: its JWKS URL (fetched over HTTPS, cached), the key set itself (a local
   * issuer's JWT_JWKS), or a key resolver of the caller's own (jose's `createLocalJWKSet`, say).
   */
  readonly keys: URL | JSONWebKeySet | JWTVerifyGetKey;
  readonly algorithms?: readonly string[];
  /** Seconds of clock skew tolerated on `exp`/`nbf`/`iat`. */
  readonly clockToleranceSeconds?: number;
}

export class BearerConfigError extends Error {
  override readonly name = 'BearerConfigError';
}

/**
 * JWT_ISSUER and JWT_AUDIENCE (comma-separated for several) are required; JWT_JWKS_URI defaults to
 * `<issuer>/.well-known/jwks.json`, and JWT_JWKS (the key set itself, as JSON) replaces it for a
 * local issuer; JWT_ALGORITHMS (comma-separated) defaults to RS256,ES256.
 */
export function loadBearerConfig(env: NodeJS.ProcessEnv = process.env): BearerVerifierOptions {
  const issuer = required(env, 'JWT_ISSUER');
  const audience = list(required(env, 'JWT_AUDIENCE'));
  const algorithms = env.JWT_ALGORITHMS ? list(env.JWT_ALGORITHMS) : [...DEFAULT_ALGORITHMS];
  const symmetric = algorithms.filter((algorithm) => /^HS/i.test(algorithm) || algorithm === 'none');
  if (symmetric.length > 0)
    throw new BearerConfigError(`JWT_ALGORITHMS must be asymmetric; got ${symmetric.join(', ')}`);
  return { issuer, audience, keys: keysFrom(env, issuer), algorithms };
}

function keysFrom(env: NodeJS.ProcessEnv, issuer: string): BearerVerifierOptions['keys'] {
  const inline = env.JWT_JWKS;
  if (inline !== undefined && inline.trim() !== '') {
    let keySet: unknown;
    try {
      keySet = JSON.parse(inline);
    } catch {
      throw new BearerConfigError('JWT_JWKS must be a JSON Web Key Set');
    }
    if (!isKeySet(keySet)) throw new BearerConfigError('JWT_JWKS must be a JSON Web Key Set');
    return keySet;
  }
  const jwksUri = env.JWT_JWKS_URI || `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
  let keys: URL;
  try {
    keys = new URL(jwksUri);
  } catch {
    throw new BearerConfigError(`JWT_JWKS_URI is not a URL: ${jwksUri}`);
  }
  if (keys.protocol !== 'https:' && keys.hostname !== '127.0.0.1' && keys.hostname !== 'localhost')
    throw new BearerConfigError('JWT_JWKS_URI must be https');
  return keys;
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' &&
    value !== null &&
    'keys' in value &&
    Array.isArray(value.keys) &&
    value.keys.every(
      (key: unknown) =>
        typeof key === 'object' && key !== null && 'kty' in key && typeof key.kty === 'string',
    )
  );
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new BearerConfigError(`${name} is required`);
  return value.trim();
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
