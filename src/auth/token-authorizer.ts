/**
 * The TOKEN authorizer's logic: verify the Authorization header (src/auth/jwt-verifier.ts), answer with a
 * policy for the whole stage, so the result API Gateway caches for the token
 * (authorizerResultTtlInSeconds) serves every operation. Invalid tokens end in `Unauthorized`,
 * which API Gateway answers as its UNAUTHORIZED (401) gateway response, as the Cognito authorizer does.
 */
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import type { BearerVerifier } from './jwt-verifier';

export type TokenAuthorizer = (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

/**
 * The authorizer around a verifier. The context holds `sub` alone (context values must be
 * strings, numbers or booleans); it reaches the API function as `requestContext.authorizer.sub`.
 */
export function tokenAuthorizer(verify: BearerVerifier): TokenAuthorizer {
  return async (event) => {
    const claims = await verify(event.authorizationToken);
    // The exact message API Gateway maps to 401; anything else would be a 500.
    if (claims === undefined) throw new Error('Unauthorized');
    return {
      principalId: claims.sub,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageArn(event.methodArn) }],
      },
      context: { sub: claims.sub },
    };
  };
}

/** `arn:…:<api>/<stage>/GET/items/x` → `arn:…:<api>/<stage>/*`: a cached result must allow every method. */
export function stageArn(methodArn: string): string {
  const [apiArn, stage] = methodArn.split('/');
  if (apiArn === undefined || stage === undefined || stage === '')
    throw new Error(`not a method ARN: ${methodArn}`);
  return `${apiArn}/${stage}/*`;
}
