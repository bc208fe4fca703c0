/**
 * Builds the HTTP API (API Gateway v2) definition from openapi.yaml: the contract as written, plus
 * the extensions an HTTP API import reads, added at synth time as api-definition.ts does for the
 * REST API. HTTP APIs validate nothing and cannot customise their own errors, so this adds only
 * routing (a Lambda proxy integration per operation, payload v2, and a `$default` route so unknown
 * paths and methods reach the function's problem+json 404/405), CORS, and the JWT authorizer when
 * the stage chooses it.
 */
import {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
} from '../src/http/middleware/cors';
import {
  asObject,
  isObject,
  type Json,
  methodsByTemplate,
  objectAt,
  operationsOf,
  pointerTo,
} from '../src/spec/openapi-document';
import { API_KEY_SCHEME, BEARER_SCHEME } from './api-definition';
import { gatewayCopy } from './gateway-copy';

/** Where the gateway's JWT authorizer takes its keys and which tokens it accepts. */
export interface JwtAuthorizerConfig {
  /** The token issuer (Cognito: the pool's provider URL); its `/.well-known/openid-configuration` names the JWKS. */
  readonly issuer: string;
  /** Accepted in `aud` or `client_id`. */
  readonly audience: readonly string[];
}

export interface HttpApiExtensionOptions {
  /** The Lambda integration URI (a CloudFormation token at synth time). */
  readonly integrationUri: string;
  readonly corsOrigins: readonly string[];
  /** The gateway verifies tokens (answering its own 401 body); undefined: the function verifies them. */
  readonly jwtAuthorizer?: JwtAuthorizerConfig;
}

/** The route that catches every request no operation's route matches. */
export const DEFAULT_ROUTE_PATH = '/$default';

/** The spec's gateway copy (gateway-copy.ts) with HTTP API extensions added. The input is not modified. */
export function withHttpApiExtensions(spec: Json, options: HttpApiExtensionOptions): Json {
  const { definition } = gatewayCopy(spec);
  delete definition['x-generated'];
  // HTTP APIs have no API keys, and each route has at most one authorizer: the spec's
  // alternatives become the one requirement stated per operation, or none.
  delete definition.security;
  const integration = {
    type: 'AWS_PROXY',
    httpMethod: 'POST',
    uri: options.integrationUri,
    payloadFormatVersion: '2.0',
  };
  for (const { operation } of operationsOf(definition)) {
    operation['x-amazon-apigateway-integration'] = { ...integration };
    if (options.jwtAuthorizer === undefined) delete operation.security;
    else operation.security = [{ [BEARER_SCHEME]: [] }];
  }
  // Unknown paths and methods: the function answers them 404/405 in problem+json (with no
  // `$default` route the gateway would answer `{"message":"Not Found"}`). No authorizer on it.
  asObject(definition.paths)[DEFAULT_ROUTE_PATH] = {
    'x-amazon-apigateway-any-method': {
      isDefaultRoute: true,
      'x-amazon-apigateway-integration': { ...integration },
    },
  };
  const methods = new Set(Object.values(methodsByTemplate(spec)).flat());
  definition['x-amazon-apigateway-cors'] = {
    allowOrigins: [...options.corsOrigins],
    allowMethods: [...methods, 'OPTIONS'],
    allowHeaders: [...CORS_ALLOWED_HEADERS],
    exposeHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: CORS_MAX_AGE_SECONDS,
    allowCredentials: false,
  };
  definition['x-amazon-apigateway-importexport-version'] = '1.0';

  const components = objectAt(definition, pointerTo('components'));
  const schemes = objectAt(definition, pointerTo('components', 'securitySchemes'));
  delete schemes[API_KEY_SCHEME];
  if (options.jwtAuthorizer === undefined) delete schemes[BEARER_SCHEME];
  else {
    const bearer = schemes[BEARER_SCHEME];
    const description = isObject(bearer) ? bearer.description : undefined;
    // AWS's documented openIdConnect form of a JWT authorizer: valid OpenAPI 3.0, unlike an
    // oauth2 scheme without `flows`. The URL is the issuer's discovery document.
    const issuer = options.jwtAuthorizer.issuer.replace(/\/$/, '');
    schemes[BEARER_SCHEME] = {
      type: 'openIdConnect',
      openIdConnectUrl: `${issuer}/.well-known/openid-configuration`,
      ...(typeof description === 'string' && { description }),
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: {
          issuer: options.jwtAuthorizer.issuer,
          audience: [...options.jwtAuthorizer.audience],
        },
        identitySource: '$request.header.Authorization',
      },
    };
  }
  if (Object.keys(schemes).length === 0) delete components.securitySchemes;
  return definition;
}
