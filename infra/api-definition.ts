/**
 * Builds the API Gateway definition from openapi.yaml: the contract as written, plus AWS
 * extensions added here at synth time. openapi.yaml itself never carries AWS extensions.
 */
import {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
} from '../src/http/middleware/cors';
import {
  asArray,
  asObject,
  deref,
  isObject,
  type Json,
  methodsByTemplate,
  objectAt,
  operationsOf,
  pointerTo,
  resolvePointer,
} from '../src/spec/openapi-document';
import { gatewayCopy } from './gateway-copy';
import { gatewayResponses } from './gateway-responses';
import type { StageConfig } from './stage-config';

export const REQUEST_VALIDATORS = {
  bodyAndParameters: 'body-and-parameters',
  parametersOnly: 'parameters-only',
} as const;

export interface AwsExtensionOptions {
  /** The Lambda integration URI (a CloudFormation token at synth time). */
  readonly integrationUri: string;
  readonly stage: Pick<StageConfig, 'corsOrigins' | 'apiKeys'>;
  /** Who verifies the spec's bearer scheme at the gateway. */
  readonly authorizer: GatewayAuthorizer;
}

export type GatewayAuthorizer =
  /** The ID tokens of a Cognito user pool. */
  | { readonly type: 'cognito_user_pools'; readonly userPoolArn: string }
  /** A Lambda TOKEN authorizer (src/entries/authorizer.ts), its result cached per Authorization header. */
  | { readonly type: 'token'; readonly authorizerUri: string; readonly resultTtlSeconds: number };

/** Only headers shaped like a bearer JWT reach the Lambda authorizer; API Gateway answers 401 to the rest. */
export const BEARER_JWT_PATTERN = '^[Bb]earer [-0-9A-Za-z_]+\\.[-0-9A-Za-z_]+\\.[-0-9A-Za-z_]*$';

/** The tag of the preflight methods the definition adds (OpenAPI wants every tag declared). */
export const PREFLIGHT_TAG = { name: 'cors', description: 'CORS preflight, answered by API Gateway.' };

/** The spec's security scheme names (openapi.yaml components.securitySchemes). */
export const BEARER_SCHEME = 'bearerAuth';
export const API_KEY_SCHEME = 'apiKey';

/** The spec's gateway copy (gateway-copy.ts) with AWS extensions added. The input is not modified. */
export function withAwsExtensions(spec: Json, options: AwsExtensionOptions): Json {
  const { definition } = gatewayCopy(spec);
  delete definition['x-generated'];
  const { corsOrigins, apiKeys } = options.stage;
  // The spec offers "bearer + API key" or "bearer alone"; a stage requires exactly one of them,
  // stated per operation because that is where API Gateway reads it.
  const requirement =
    apiKeys === undefined ? { [BEARER_SCHEME]: [] } : { [BEARER_SCHEME]: [], [API_KEY_SCHEME]: [] };
  delete definition.security;

  const methods = methodsByTemplate(definition);
  for (const { operation } of operationsOf(definition)) {
    operation['x-amazon-apigateway-integration'] = {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: options.integrationUri,
      passthroughBehavior: 'when_no_match',
    };
    if (usesNullable(operation.requestBody, definition)) {
      // API Gateway models are JSON Schema draft 4 without `nullable`: they would reject the
      // nulls a merge patch is made of. The Lambda validates these bodies in full.
      operation['x-amazon-apigateway-request-validator'] = REQUEST_VALIDATORS.parametersOnly;
    }
    operation.security = [requirement];
  }
  for (const [template, pathItem] of Object.entries(asObject(definition.paths))) {
    if (isObject(pathItem))
      pathItem.options = preflight(template, [...(methods[template] ?? []), 'OPTIONS'], corsOrigins);
  }
  definition.tags = [...asArray(definition.tags), PREFLIGHT_TAG];

  definition['x-amazon-apigateway-request-validators'] = {
    [REQUEST_VALIDATORS.bodyAndParameters]: { validateRequestBody: true, validateRequestParameters: true },
    [REQUEST_VALIDATORS.parametersOnly]: { validateRequestBody: false, validateRequestParameters: true },
  };
  definition['x-amazon-apigateway-request-validator'] = REQUEST_VALIDATORS.bodyAndParameters;
  definition['x-amazon-apigateway-gateway-responses'] = gatewayResponses(corsOrigins);
  if (apiKeys !== undefined) definition['x-amazon-apigateway-api-key-source'] = 'HEADER';
  const schemes = objectAt(definition, pointerTo('components', 'securitySchemes'));
  const bearer = deref(definition, schemes[BEARER_SCHEME]);
  if (bearer === undefined) throw new Error(`the spec has no ${BEARER_SCHEME} security scheme`);
  // API Gateway expresses an authorizer as an apiKey-typed scheme on the Authorization header.
  schemes[BEARER_SCHEME] = {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    ...(typeof bearer.description === 'string' && { description: bearer.description }),
    ...authorizerExtensions(options.authorizer),
  };
  return definition;
}

function authorizerExtensions(authorizer: GatewayAuthorizer): Json {
  if (authorizer.type === 'cognito_user_pools')
    return {
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: [authorizer.userPoolArn],
      },
    };
  return {
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': {
      type: 'token',
      authorizerUri: authorizer.authorizerUri,
      authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
      identityValidationExpression: BEARER_JWT_PATTERN,
    },
  };
}

/** An OPTIONS method answered by the gateway itself (mock integration), never by the Lambda. */
function preflight(path: string, methods: readonly string[], corsOrigins: readonly string[]): Json {
  const header = (description: string) => ({ description, schema: { type: 'string' } });
  const wildcard = corsOrigins.includes('*');
  const originCheck = corsOrigins.map((origin) => `$origin == "${origin}"`).join(' || ');
  // REST APIs pass header names as the client wrote them (HTTP/2 clients send `origin`), and
  // `header.get` matches them exactly, so the template looks the name up case-insensitively.
  const readOrigin = [
    '#set($origin = "")',
    '#foreach($name in $input.params().header.keySet())',
    '#if($name.toLowerCase() == "origin")#set($origin = $input.params().header.get($name))#end',
    '#end',
  ].join('\n');
  // `/items/{itemId}` → `preflightItemsItemId`: unique per path, as OpenAPI wants operation ids.
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return {
    operationId: `preflight${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`,
    summary: `CORS preflight for ${path}`,
    description: 'Answered by API Gateway from the stage CORS configuration.',
    tags: [PREFLIGHT_TAG.name],
    security: [],
    responses: {
      '204': {
        description: 'Preflight accepted.',
        headers: {
          'Access-Control-Allow-Origin': header('The allowed origin.'),
          'Access-Control-Allow-Methods': header('Methods allowed on this path.'),
          'Access-Control-Allow-Headers': header('Request headers allowed.'),
          'Access-Control-Expose-Headers': header('Response headers scripts may read.'),
          'Access-Control-Max-Age': header('How long the answer may be cached.'),
          Vary: header('Origin.'),
        },
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      passthroughBehavior: 'when_no_match',
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      responses: {
        default: {
          statusCode: '204',
          responseParameters: {
            'method.response.header.Access-Control-Allow-Methods': `'${methods.join(',')}'`,
            'method.response.header.Access-Control-Allow-Headers': `'${CORS_ALLOWED_HEADERS.join(',')}'`,
            'method.response.header.Access-Control-Expose-Headers': `'${CORS_EXPOSED_HEADERS.join(',')}'`,
            'method.response.header.Access-Control-Max-Age': `'${CORS_MAX_AGE_SECONDS}'`,
            'method.response.header.Vary': "'Origin'",
            ...(wildcard && { 'method.response.header.Access-Control-Allow-Origin': "'*'" }),
          },
          responseTemplates: {
            // Echo the Origin only when it is one of the allowed ones.
            'application/json': wildcard
              ? ''
              : `${readOrigin}\n#if(${originCheck})\n#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end`,
          },
        },
      },
    },
  };
}

/** Whether a request body's schema (following $refs) uses `nullable`. */
function usesNullable(node: unknown, root: Json, seen = new Set<string>()): boolean {
  if (Array.isArray(node)) return node.some((child) => usesNullable(child, root, seen));
  if (!isObject(node)) return false;
  if (node.nullable === true) return true;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return false;
    seen.add(node.$ref);
    return usesNullable(resolvePointer(root, node.$ref), root, seen);
  }
  return Object.entries(node).some(
    ([key, child]) => key !== 'example' && key !== 'examples' && usesNullable(child, root, seen),
  );
}
