/**
 * Verifies `Authorization: Bearer <JWT>` headers against one OIDC issuer: its signing keys from
 * its JWKS (fetched once per container and cached by jose), an allow-list of asymmetric
 * algorithms, the issuer, the audience (in `aud`, or in `client_id` as Cognito access tokens carry
 * it: what API Gateway's JWT authorizer accepts), expiry, and a string `sub`. The one verifier:
 * the JWT Lambda authorizer (src/entries/authorizer.ts) runs it in front of the REST API, the function runs
 * it itself behind an HTTP API without a JWT authorizer (./authenticating.ts), and the local
 * gateway runs it with its own key set.
 */
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { type BearerVerifierOptions, DEFAULT_ALGORITHMS } from './bearer-config';

/** The verified claims; `sub` is always a non-empty string. */
export type VerifiedClaims = JWTPayload & { readonly sub: string };

/** Resolves the claims of a valid bearer token, or undefined for anything else (never throws). */
export type BearerVerifier = (authorization: string | undefined) => Promise<VerifiedClaims | undefined>;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

// How long fetched keys are used before the JWKS is fetched again, and the least time between two
// fetches when a token names a key the set does not have (a rotation, or someone probing).
const KEY_CACHE_MAX_AGE_MS = 10 * 60 * 1000;
const UNKNOWN_KID_COOLDOWN_MS = 30 * 1000;
const JWKS_TIMEOUT_MS = 3000;

/** A verifier for tokens of one issuer and audience; create once per container (it holds the key cache). */
export function verifyBearer(options: BearerVerifierOptions): BearerVerifier {
  const keys =
    options.keys instanceof URL
      ? createRemoteJWKSet(options.keys, {
          cacheMaxAge: KEY_CACHE_MAX_AGE_MS,
          cooldownDuration: UNKNOWN_KID_COOLDOWN_MS,
          timeoutDuration: JWKS_TIMEOUT_MS,
        })
      : typeof options.keys === 'function'
        ? options.keys
        : createLocalJWKSet(options.keys);
  const verifyOptions = {
    algorithms: [...(options.algorithms ?? DEFAULT_ALGORITHMS)],
    issuer: options.issuer,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: options.clockToleranceSeconds ?? 5,
  };
  const audiences: ReadonlySet<string> = new Set(
    typeof options.audience === 'string' ? [options.audience] : options.audience,
  );
  return async (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (token === undefined) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys, verifyOptions);
      const { sub } = payload;
      if (!hasAudience(payload, audiences)) return undefined;
      // jose types `sub` as a string but does not check it; a number or object is refused here.
      if (typeof sub !== 'string' || sub === '') return undefined;
      return { ...payload, sub };
    } catch {
      // Expired, bad signature, unknown key, wrong issuer or audience: the client learns only 401.
      return undefined;
    }
  };
}

/** `aud` (a string or a list) or Cognito's `client_id` names one of the accepted audiences. */
function hasAudience(payload: JWTPayload, audiences: ReadonlySet<string>): boolean {
  const { aud, client_id: clientId } = payload;
  if (typeof aud === 'string' && audiences.has(aud)) return true;
  if (Array.isArray(aud) && aud.some((value) => audiences.has(value))) return true;
  return typeof clientId === 'string' && audiences.has(clientId);
}
