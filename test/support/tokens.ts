import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../src/local/dev-tools/identity';

/** Tokens that must all be refused, forged the ways attackers and mistakes forge them. */
export async function forgedTokens(): Promise<Record<string, string>> {
  const { privateKey: otherKey } = await generateKeyPair('ES256');
  const claims = { sub: 'alice' };
  const signed = (
    key: Parameters<SignJWT['sign']>[0],
    alg: string,
    change: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  ) =>
    change(
      new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h'),
    ).sign(key);
  return {
    'bad signature': await signed(otherKey, 'ES256'),
    'alg none': new UnsecuredJWT(claims)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .encode(),
    'HMAC-signed': await signed(new TextEncoder().encode('a-shared-secret-that-is-long-enough!'), 'HS256'),
  };
}
