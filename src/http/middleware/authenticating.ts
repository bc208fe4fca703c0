/**
 * Bearer verification inside the function, for a gateway that vouches for no one (an HTTP API
 * without a JWT authorizer), so a refusal is the spec's problem+json 401 instead of the gateway's
 * fixed `{"message":"Unauthorized"}`. The checks are the JWT Lambda authorizer's (./jwt-verifier.ts).
 */

import type { BearerVerifier } from '../../auth/jwt-verifier';
import type { HttpApp } from '../http-types';

/**
 * The app, with the caller taken from the Authorization header when no gateway authorizer named
 * one. A refused token leaves the request without a caller, and the app answers its 401.
 */
export function authenticating(app: HttpApp, verify: BearerVerifier): HttpApp {
  return async (request) => {
    if (request.caller !== undefined) return app(request);
    const claims = await verify(request.headers.authorization);
    return app(claims === undefined ? request : { ...request, caller: { subject: claims.sub } });
  };
}
