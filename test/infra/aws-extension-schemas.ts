/**
 * JSON Schemas of the `x-amazon-apigateway-*` extensions the stack emits, in the shapes AWS
 * documents them (API Gateway Developer Guide, "API Gateway extensions to OpenAPI"), separately
 * for REST APIs and HTTP APIs, with where each may appear. An extension the stack emits that is
 * not listed here for that gateway fails the test: the import would warn, and failOnWarnings
 * would fail the deploy.
 */

/** Where in the definition an extension sits. */
export type Location = 'root' | 'pathItem' | 'operation' | 'securityScheme';

export interface ExtensionSchema {
  readonly at: readonly Location[];
  readonly schema: object;
}

/** A string, or a CloudFormation intrinsic that resolves to one at deploy time. */
const stringOrToken = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      propertyNames: { enum: ['Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Sub', 'Fn::Select', 'Fn::ImportValue'] },
    },
  ],
};
/** JSON Schema's if/then, as `not A, or B`. */
const implies = (condition: object, consequence: object) => ({ anyOf: [{ not: condition }, consequence] });
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const caseless = (values: readonly string[]) => ({
  type: 'string',
  enum: values.flatMap((v) => [v, v.toUpperCase()]),
});

const restIntegration = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: caseless(['aws', 'aws_proxy', 'http', 'http_proxy', 'mock']),
    httpMethod: { enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'] },
    uri: stringOrToken,
    credentials: stringOrToken,
    connectionType: { enum: ['INTERNET', 'VPC_LINK'] },
    connectionId: { type: 'string' },
    passthroughBehavior: { enum: ['when_no_match', 'when_no_templates', 'never'] },
    contentHandling: { enum: ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] },
    cacheNamespace: { type: 'string' },
    cacheKeyParameters: { type: 'array', items: { type: 'string' } },
    requestParameters: stringMap,
    requestTemplates: stringMap,
    timeoutInMillis: { type: 'integer', minimum: 50, maximum: 29000 },
    responses: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['statusCode'],
        additionalProperties: false,
        properties: {
          statusCode: { type: 'string', pattern: '^[1-5]\\d\\d$' },
          responseParameters: stringMap,
          responseTemplates: stringMap,
          contentHandling: { enum: ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] },
        },
      },
    },
  },
  // A Lambda proxy integration is a POST to the function's invocation URI.
  allOf: [
    implies(
      { properties: { type: caseless(['aws_proxy']) } },
      { required: ['httpMethod', 'uri'], properties: { httpMethod: { const: 'POST' } } },
    ),
  ],
};

const GATEWAY_RESPONSE_TYPES = [
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'AUTHORIZER_FAILURE',
  'BAD_REQUEST_PARAMETERS',
  'BAD_REQUEST_BODY',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'EXPIRED_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'INVALID_API_KEY',
  'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN',
  'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
];

export const REST_API_EXTENSIONS: Readonly<Record<string, ExtensionSchema>> = {
  'x-amazon-apigateway-integration': { at: ['operation'], schema: restIntegration },
  'x-amazon-apigateway-request-validator': {
    at: ['root', 'operation'],
    schema: { type: 'string', minLength: 1 },
  },
  'x-amazon-apigateway-request-validators': {
    at: ['root'],
    schema: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          validateRequestBody: { type: 'boolean' },
          validateRequestParameters: { type: 'boolean' },
        },
      },
    },
  },
  'x-amazon-apigateway-gateway-responses': {
    at: ['root'],
    schema: {
      type: 'object',
      propertyNames: { enum: GATEWAY_RESPONSE_TYPES },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          statusCode: { type: 'string', pattern: '^[1-5]\\d\\d$' },
          responseParameters: {
            type: 'object',
            propertyNames: { pattern: '^gatewayresponse\\.(header|querystring|path)\\.[A-Za-z0-9-]+$' },
            additionalProperties: {
              type: 'string',
              pattern: "^'.*'$|^method\\.request\\.|^stageVariables\\.|^context\\.",
            },
          },
          responseTemplates: stringMap,
        },
      },
    },
  },
  'x-amazon-apigateway-api-key-source': { at: ['root'], schema: { enum: ['HEADER', 'AUTHORIZER'] } },
  'x-amazon-apigateway-authtype': { at: ['securityScheme'], schema: { type: 'string', minLength: 1 } },
  'x-amazon-apigateway-authorizer': {
    at: ['securityScheme'],
    schema: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: ['token', 'request', 'cognito_user_pools'] },
        providerARNs: { type: 'array', minItems: 1, items: stringOrToken },
        authorizerUri: stringOrToken,
        authorizerCredentials: stringOrToken,
        identitySource: { type: 'string' },
        identityValidationExpression: { type: 'string' },
        authorizerResultTtlInSeconds: { type: ['string', 'integer'] },
      },
      allOf: [
        implies({ properties: { type: { const: 'cognito_user_pools' } } }, { required: ['providerARNs'] }),
      ],
    },
  },
};

const httpIntegration = {
  type: 'object',
  required: ['type', 'payloadFormatVersion'],
  additionalProperties: false,
  properties: {
    type: caseless(['aws_proxy', 'http_proxy']),
    httpMethod: { type: 'string' },
    uri: stringOrToken,
    payloadFormatVersion: { enum: ['1.0', '2.0'] },
    connectionType: { enum: ['INTERNET', 'VPC_LINK'] },
    connectionId: { type: 'string' },
    credentials: stringOrToken,
    integrationSubtype: { type: 'string' },
    requestParameters: stringMap,
    responseParameters: { type: 'object' },
    timeoutInMillis: { type: 'integer', minimum: 50, maximum: 30000 },
    tlsConfig: { type: 'object', properties: { serverNameToVerify: { type: 'string' } } },
  },
  // A Lambda proxy integration names the function and is a POST (AWS service integrations use a subtype instead).
  allOf: [
    implies(
      { properties: { type: caseless(['aws_proxy']) }, not: { required: ['integrationSubtype'] } },
      { required: ['uri'], properties: { httpMethod: { const: 'POST' } } },
    ),
  ],
};

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', '*'];

export const HTTP_API_EXTENSIONS: Readonly<Record<string, ExtensionSchema>> = {
  'x-amazon-apigateway-integration': { at: ['operation'], schema: httpIntegration },
  'x-amazon-apigateway-any-method': {
    at: ['pathItem'],
    schema: {
      type: 'object',
      required: ['x-amazon-apigateway-integration'],
      properties: { isDefaultRoute: { type: 'boolean' }, 'x-amazon-apigateway-integration': httpIntegration },
    },
  },
  'x-amazon-apigateway-cors': {
    at: ['root'],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowOrigins: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowCredentials: { type: 'boolean' },
        exposeHeaders: { type: 'array', items: { type: 'string' } },
        maxAge: { type: 'integer', minimum: -1, maximum: 86400 },
        allowMethods: { type: 'array', items: { enum: HTTP_METHODS } },
        allowHeaders: { type: 'array', items: { type: 'string' } },
      },
      // Credentials cannot be allowed for any origin.
      allOf: [
        implies(
          { properties: { allowCredentials: { const: true } }, required: ['allowCredentials'] },
          { properties: { allowOrigins: { not: { contains: { const: '*' } } } } },
        ),
      ],
    },
  },
  'x-amazon-apigateway-importexport-version': { at: ['root'], schema: { const: '1.0' } },
  'x-amazon-apigateway-authorizer': {
    at: ['securityScheme'],
    schema: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: ['jwt', 'request'] },
        jwtConfiguration: {
          type: 'object',
          required: ['issuer', 'audience'],
          additionalProperties: false,
          properties: {
            issuer: stringOrToken,
            audience: { type: 'array', minItems: 1, items: stringOrToken },
          },
        },
        identitySource: { type: 'string', pattern: '^\\$(request|context|stageVariables)\\.' },
        authorizerUri: stringOrToken,
        authorizerCredentials: stringOrToken,
        authorizerPayloadFormatVersion: { enum: ['1.0', '2.0'] },
        enableSimpleResponses: { type: 'boolean' },
        authorizerResultTtlInSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
      },
      allOf: [
        implies(
          { properties: { type: { const: 'jwt' } } },
          { required: ['jwtConfiguration', 'identitySource'] },
        ),
      ],
    },
  },
};
