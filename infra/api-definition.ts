/**
 * Builds the API Gateway definition from openapi.yaml: the contract as written, plus AWS
 * extensions added here at synth time. openapi.yaml itself never carries AWS extensions.
 */
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from '../src/http/cors';
import {
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
import type { StageConfig } from './stage-config';

export const REQUEST_VALIDATORS = {
  bodyAndParameters: 'body-and-parameters',
  parametersOnly: 'parameters-only',
} as const;

interface GatewayProblem {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  /** VTL producing a JSON string for `detail`. */
  readonly detail?: string;
}

const MESSAGE = '$context.error.messageString';
// validationErrorString is unquoted; escapeJavaScript turns ' into \' which JSON does not allow.
const VALIDATION_DETAIL = `"$util.escapeJavaScript($context.error.validationErrorString).replaceAll("\\\\'","'")"`;

/**
 * Every gateway response type with the status API Gateway gives it, as problem+json in the shape
 * the Lambda uses. DEFAULT_4XX/5XX only catch types AWS may add later.
 */
export const GATEWAY_PROBLEMS: Readonly<Record<string, GatewayProblem>> = {
  BAD_REQUEST_BODY: {
    status: 400,
    type: '/problems/validation-error',
    title: 'Request validation failed',
    detail: VALIDATION_DETAIL,
  },
  BAD_REQUEST_PARAMETERS: {
    status: 400,
    type: '/problems/validation-error',
    title: 'Request validation failed',
  },
  UNAUTHORIZED: {
    status: 401,
    type: '/problems/unauthorized',
    title: 'Unauthorized',
    detail: '"A valid bearer token is required."',
  },
  ACCESS_DENIED: {
    status: 403,
    type: '/problems/forbidden',
    title: 'Forbidden',
    detail: '"Access to this resource is denied."',
  },
  EXPIRED_TOKEN: { status: 403, type: '/problems/forbidden', title: 'Forbidden' },
  INVALID_SIGNATURE: { status: 403, type: '/problems/forbidden', title: 'Forbidden' },
  INVALID_API_KEY: {
    status: 403,
    type: '/problems/invalid-api-key',
    title: 'Invalid API key',
    detail: '"A valid x-api-key header is required."',
  },
  WAF_FILTERED: { status: 403, type: '/problems/forbidden', title: 'Forbidden' },
  // Unknown paths and methods: without a resource there is nothing to authenticate against.
  MISSING_AUTHENTICATION_TOKEN: {
    status: 404,
    type: '/problems/not-found',
    title: 'Not found',
    detail: '"No resource at this path and method."',
  },
  RESOURCE_NOT_FOUND: { status: 404, type: '/problems/not-found', title: 'Not found' },
  REQUEST_TOO_LARGE: { status: 413, type: '/problems/body-too-large', title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    type: '/problems/unsupported-media-type',
    title: 'Unsupported media type',
  },
  THROTTLED: {
    status: 429,
    type: '/problems/too-many-requests',
    title: 'Too many requests',
    detail: '"Request rate limit exceeded; retry with backoff."',
  },
  QUOTA_EXCEEDED: {
    status: 429,
    type: '/problems/quota-exceeded',
    title: 'Quota exceeded',
    detail: '"The usage plan quota for this API key is used up."',
  },
  API_CONFIGURATION_ERROR: {
    status: 500,
    type: '/problems/internal-error',
    title: 'Internal server error',
    detail: '"The gateway is misconfigured."',
  },
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    type: '/problems/internal-error',
    title: 'Internal server error',
    detail: '"The authorizer is misconfigured."',
  },
  AUTHORIZER_FAILURE: {
    status: 500,
    type: '/problems/internal-error',
    title: 'Internal server error',
    detail: '"The authorizer failed."',
  },
  INTEGRATION_FAILURE: {
    status: 504,
    type: '/problems/bad-gateway',
    title: 'Upstream failure',
    detail: '"The function failed to answer."',
  },
  INTEGRATION_TIMEOUT: {
    status: 504,
    type: '/problems/gateway-timeout',
    title: 'Gateway timeout',
    detail: '"The function did not answer in time."',
  },
  DEFAULT_4XX: { status: 400, type: '/problems/bad-request', title: 'Bad request' },
  DEFAULT_5XX: {
    status: 500,
    type: '/problems/internal-error',
    title: 'Internal server error',
    detail: '"The gateway could not complete the request."',
  },
};

export interface AwsExtensionOptions {
  /** The Lambda integration URI (a CloudFormation token at synth time). */
  readonly integrationUri: string;
  readonly stage: Pick<StageConfig, 'corsOrigins' | 'apiKeys'>;
  /** The Cognito user pool whose ID tokens the gateway accepts for the spec's bearer scheme. */
  readonly userPoolArn: string;
}

/** The spec's security scheme names (openapi.yaml components.securitySchemes). */
export const BEARER_SCHEME = 'bearerAuth';
export const API_KEY_SCHEME = 'apiKey';

/** The spec with AWS extensions added. The input is not modified. */
export function withAwsExtensions(spec: Json, options: AwsExtensionOptions): Json {
  const definition = structuredClone(spec);
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
  // API Gateway expresses a Cognito authorizer as an apiKey-typed scheme on the Authorization header.
  schemes[BEARER_SCHEME] = {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    ...(typeof bearer.description === 'string' && { description: bearer.description }),
    'x-amazon-apigateway-authtype': 'cognito_user_pools',
    'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [options.userPoolArn] },
  };
  return definition;
}

function gatewayResponses(corsOrigins: readonly string[]): Json {
  // A gateway response cannot pick among several origins; with one (or *) it can name it.
  const origin = corsOrigins.length === 1 ? corsOrigins[0] : undefined;
  return Object.fromEntries(
    Object.entries(GATEWAY_PROBLEMS).map(([type, problem]) => [
      type,
      {
        statusCode: String(problem.status),
        responseParameters: {
          'gatewayresponse.header.Content-Type': "'application/problem+json'",
          ...(origin !== undefined && {
            'gatewayresponse.header.Access-Control-Allow-Origin': `'${origin}'`,
          }),
          ...(problem.status === 401 && { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" }),
        },
        responseTemplates: {
          'application/json': `{"type":"${problem.type}","title":"${problem.title}","status":${problem.status},"detail":${problem.detail ?? MESSAGE},"instance":"$context.requestId"}`,
        },
      },
    ]),
  );
}

/** An OPTIONS method answered by the gateway itself (mock integration), never by the Lambda. */
function preflight(path: string, methods: readonly string[], corsOrigins: readonly string[]): Json {
  const header = (description: string) => ({ description, schema: { type: 'string' } });
  const wildcard = corsOrigins.includes('*');
  const originCheck = corsOrigins.map((origin) => `$origin == "${origin}"`).join(' || ');
  return {
    summary: `CORS preflight for ${path}`,
    description: 'Answered by API Gateway from the stage CORS configuration.',
    tags: ['cors'],
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
              : `#set($origin = $input.params().header.get("Origin"))\n#if(${originCheck})\n#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end`,
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
