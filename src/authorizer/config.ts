/** The authorizer's environment, read once at cold start and checked (like src/config.ts for the API). */
import { type BearerVerifierOptions, DEFAULT_ALGORITHMS } from './jwt-verifier';

export class AuthorizerConfigError extends Error {
  override readonly name = 'AuthorizerConfigError';
}

/**
 * JWT_ISSUER and JWT_AUDIENCE (comma-separated for several) are required; JWT_JWKS_URI defaults to
 * `<issuer>/.well-known/jwks.json`; JWT_ALGORITHMS (comma-separated) to RS256,ES256.
 */
export function loadAuthorizerConfig(env: NodeJS.ProcessEnv = process.env): BearerVerifierOptions {
  const issuer = required(env, 'JWT_ISSUER');
  const audience = list(required(env, 'JWT_AUDIENCE'));
  const jwksUri = env.JWT_JWKS_URI || `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
  let keys: URL;
  try {
    keys = new URL(jwksUri);
  } catch {
    throw new AuthorizerConfigError(`JWT_JWKS_URI is not a URL: ${jwksUri}`);
  }
  if (keys.protocol !== 'https:' && keys.hostname !== '127.0.0.1' && keys.hostname !== 'localhost')
    throw new AuthorizerConfigError('JWT_JWKS_URI must be https');
  const algorithms = env.JWT_ALGORITHMS ? list(env.JWT_ALGORITHMS) : [...DEFAULT_ALGORITHMS];
  const symmetric = algorithms.filter((algorithm) => /^HS/i.test(algorithm) || algorithm === 'none');
  if (symmetric.length > 0)
    throw new AuthorizerConfigError(`JWT_ALGORITHMS must be asymmetric; got ${symmetric.join(', ')}`);
  return { issuer, audience, keys, algorithms };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new AuthorizerConfigError(`${name} is required`);
  return value.trim();
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
