/**
 * The local gateway's authorizer, in either of the deployed stage's modes (infra `-c authorizer=`):
 * it verifies the token the way that mode does and leaves in `requestContext.authorizer` what that
 * mode's authorizer leaves there, so the function reads its caller from the same place as on AWS.
 */
import { createLocalJWKSet, exportJWK } from 'jose';
import { verifyBearer } from '../../auth/jwt-verifier';
import { tokenAuthorizer } from '../../auth/token-authorizer';
import { setOwn } from '../../gateway-events/wire';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIdentity } from '../dev-tools/identity';

export const AUTH_MODES = ['cognito', 'jwt'] as const;
/** `cognito`: a Cognito user pool authorizer; `jwt`: the JWT Lambda authorizer (src/entries/authorizer.ts). */
export type AuthMode = (typeof AUTH_MODES)[number];

/**
 * Verifies an Authorization header for a method (its ARN, as the Lambda authorizer gets it) and
 * returns the `requestContext.authorizer` block the function would see, or undefined for 401.
 */
export type GatewayAuthorizer = (
  authorization: string | undefined,
  methodArn: string,
) => Promise<Record<string, unknown> | undefined>;

/** AUTH_MODE's value, `cognito` when unset; anything else is refused with the choices. */
export function authModeFrom(value: string | undefined): AuthMode {
  if (value === undefined || value === '') return 'cognito';
  const mode = AUTH_MODES.find((candidate) => candidate === value);
  if (mode === undefined) throw new Error(`AUTH_MODE must be one of ${AUTH_MODES.join(', ')}; got ${value}`);
  return mode;
}

/** The authorizer for `mode`, trusting the tokens `identity` signs (and no others). */
export async function localAuthorizer(identity: LocalIdentity, mode: AuthMode): Promise<GatewayAuthorizer> {
  if (mode === 'cognito') {
    return async (authorization) => {
      const claims = await identity.verify(authorization);
      return claims === undefined ? undefined : { claims: cognitoClaims(claims) };
    };
  }
  // The deployed authorizer's own code, with the development key set in place of the issuer's JWKS.
  const authorize = tokenAuthorizer(
    verifyBearer({
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      keys: createLocalJWKSet({ keys: [await exportJWK(identity.publicKey)] }),
    }),
  );
  return async (authorization, methodArn) => {
    try {
      const { principalId, context } = await authorize({
        type: 'TOKEN',
        authorizationToken: authorization ?? '',
        methodArn,
      });
      // As API Gateway hands a Lambda authorizer's result to the integration: its context, flat.
      return { ...context, principalId, integrationLatency: 0 };
    } catch {
      // `Unauthorized`, which API Gateway answers as its UNAUTHORIZED (401) gateway response.
      return undefined;
    }
  };
}

/** Cognito authorizers hand every claim over as a string; structured claims as their JSON. */
function cognitoClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? `${value}`
          : JSON.stringify(value);
    setOwn(strings, name, text);
  }
  return strings;
}
