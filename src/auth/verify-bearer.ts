/**
 * Bearer-token verification inside the Lambda, for a gateway that vouches for no one (an HTTP API
 * without a JWT authorizer): the token's signature against the issuer's JWKS, its issuer, audience
 * and expiry, as API Gateway's JWT authorizer checks them, so a refusal can be the spec's
 * problem+json 401 instead of the gateway's fixed `{"message":"Unauthorized"}`.
 *
 * Written here because the shared verifier (src/authorizer/) is not on main yet; it has the same job.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { Caller, HttpApp } from '../http/http-types';

/** Who may call, as the identity provider states it. */
export interface BearerAuthConfig {
  /** The `iss` tokens must carry, e.g. `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuer: string;
  /** Accepted in `aud` (ID tokens) or `client_id` (Cognito access tokens), as the JWT authorizer accepts them. */
  readonly audience: readonly string[];
  /** The issuer's signing keys: its JWKS URL (fetched on first use, then cached), or the set itself. */
  readonly keys: { readonly url: string } | { readonly jwks: JSONWebKeySet };
}

/** The caller a bearer token proves, or undefined for a missing, malformed or refused one. */
export type BearerVerifier = (authorization: string | undefined) => Promise<Caller | undefined>;

/** Asymmetric algorithms only: a key set never holds a shared secret, and `none` is never a signature. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export function bearerVerifier(config: BearerAuthConfig): BearerVerifier {
  const keys: JWTVerifyGetKey =
    'url' in config.keys ? createRemoteJWKSet(new URL(config.keys.url)) : createLocalJWKSet(config.keys.jwks);
  const audiences = new Set(config.audience);
  return async (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (token === undefined) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: config.issuer,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      // Expired, forged, another issuer's, keys unreachable: the reason is not the client's to learn.
      return undefined;
    }
    if (!hasAudience(payload, audiences)) return undefined;
    return typeof payload.sub === 'string' && payload.sub !== '' ? { subject: payload.sub } : undefined;
  };
}

function hasAudience(payload: JWTPayload, audiences: ReadonlySet<string>): boolean {
  const { aud, client_id: clientId } = payload;
  if (typeof aud === 'string' && audiences.has(aud)) return true;
  if (Array.isArray(aud) && aud.some((value) => audiences.has(value))) return true;
  return typeof clientId === 'string' && audiences.has(clientId);
}

/**
 * The app, with the caller taken from the Authorization header when no gateway authorizer named
 * one. A refused token leaves the request without a caller, and the app answers its 401.
 */
export function authenticating(app: HttpApp, verify: BearerVerifier): HttpApp {
  return async (request) => {
    if (request.caller !== undefined) return app(request);
    const caller = await verify(request.headers.authorization);
    return app(caller === undefined ? request : { ...request, caller });
  };
}
