/**
 * The responses API Gateway answers itself, before or instead of the function, as problem+json in
 * the Lambda's shape. Status, type, title, default detail and headers all come from the one problem
 * catalog (src/http/problem-types.ts); this file only says which problem each gateway response is.
 */
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { type ProblemName, problemHeaders, problemMembers } from '../src/http/problem-types';
import type { Json } from '../src/spec/openapi-document';

/** Every gateway response type API Gateway has, as aws-cdk-lib lists them. */
export type GatewayResponseType = Exclude<keyof typeof apigateway.ResponseType, 'of' | 'prototype'>;

/**
 * API Gateway's known-issues page: "Customizing the REQUEST_TOO_LARGE gateway response isn't
 * currently supported", so it is left to the gateway; clients get its own 413 (`{"message":…}`,
 * not problem+json) and go by the status. See docs/gateway-import.md.
 */
export const UNCUSTOMISABLE_RESPONSES = ['REQUEST_TOO_LARGE'] as const;

/** The gateway response types this project answers as problem+json. */
export type CustomisedResponseType = Exclude<GatewayResponseType, (typeof UNCUSTOMISABLE_RESPONSES)[number]>;

/**
 * Quoted and escaped by API Gateway (for BAD_REQUEST_BODY: "Invalid request body"). The list of
 * violations, `validationErrorString`, arrives unescaped and would break the JSON: it is not sent.
 */
const MESSAGE = '$context.error.messageString';

export interface GatewayProblem {
  readonly problem: ProblemName;
  /**
   * A `$context` variable holding a JSON string for `detail`, where the gateway knows more than
   * the catalog's default. Gateway response templates substitute variables and run no VTL.
   */
  readonly detail?: typeof MESSAGE;
}

/**
 * The catalog problem each gateway response is. DEFAULT_4XX/5XX only catch types AWS may add
 * later; 5xx keep the catalog's detail, hiding what failed inside AWS from clients.
 */
export const GATEWAY_RESPONSES = {
  BAD_REQUEST_BODY: { problem: 'validation-error', detail: MESSAGE },
  BAD_REQUEST_PARAMETERS: { problem: 'validation-error', detail: MESSAGE },
  UNAUTHORIZED: { problem: 'unauthorized' },
  ACCESS_DENIED: { problem: 'forbidden' },
  EXPIRED_TOKEN: { problem: 'forbidden', detail: MESSAGE },
  INVALID_SIGNATURE: { problem: 'forbidden', detail: MESSAGE },
  INVALID_API_KEY: { problem: 'invalid-api-key' },
  WAF_FILTERED: { problem: 'forbidden', detail: MESSAGE },
  // Unknown paths and methods: without a resource there is nothing to authenticate against.
  MISSING_AUTHENTICATION_TOKEN: { problem: 'not-found' },
  RESOURCE_NOT_FOUND: { problem: 'not-found', detail: MESSAGE },
  UNSUPPORTED_MEDIA_TYPE: { problem: 'unsupported-media-type', detail: MESSAGE },
  THROTTLED: { problem: 'too-many-requests' },
  QUOTA_EXCEEDED: { problem: 'quota-exceeded' },
  API_CONFIGURATION_ERROR: { problem: 'internal-error' },
  AUTHORIZER_CONFIGURATION_ERROR: { problem: 'internal-error' },
  AUTHORIZER_FAILURE: { problem: 'internal-error' },
  // The status the local gateway answers with when the function fails (src/local/gateway/server.ts).
  INTEGRATION_FAILURE: { problem: 'bad-gateway' },
  INTEGRATION_TIMEOUT: { problem: 'gateway-timeout' },
  DEFAULT_4XX: { problem: 'bad-request', detail: MESSAGE },
  DEFAULT_5XX: { problem: 'internal-error' },
} as const satisfies Readonly<Record<CustomisedResponseType, GatewayProblem>>;

/** The `x-amazon-apigateway-gateway-responses` extension for a stage with these CORS origins. */
export function gatewayResponses(corsOrigins: readonly string[]): Json {
  // A gateway response cannot pick among several origins; with one (or *) it can name it.
  const origin = corsOrigins.length === 1 ? corsOrigins[0] : undefined;
  return Object.fromEntries(
    Object.entries<GatewayProblem>(GATEWAY_RESPONSES).map(([type, { problem, detail }]) => {
      const members = problemMembers(problem);
      const headers = Object.entries(problemHeaders(problem)).map(([header, value]) => [
        `gatewayresponse.header.${headerCase(header)}`,
        `'${value}'`,
      ]);
      return [
        type,
        {
          statusCode: String(members.status),
          responseParameters: {
            // As on every answer of the function (src/http/response-headers.ts); the request id
            // cannot be a gateway-response header (only static values and request headers can),
            // so it is in `instance` only.
            'gatewayresponse.header.Cache-Control': "'no-store'",
            'gatewayresponse.header.X-Content-Type-Options': "'nosniff'",
            ...Object.fromEntries(headers),
            ...(origin !== undefined && {
              'gatewayresponse.header.Access-Control-Allow-Origin': `'${origin}'`,
            }),
          },
          responseTemplates: {
            'application/json': `{"type":${JSON.stringify(members.type)},"title":${JSON.stringify(members.title)},"status":${members.status},"detail":${detail ?? JSON.stringify(members.detail)},"instance":"$context.requestId"}`,
          },
        },
      ];
    }),
  );
}

/**
 * `content-type` → `Content-Type`: the catalog writes header names in lower case; this is the
 * case API Gateway writes its own, so ours replace them rather than sit beside them.
 */
const headerCase = (name: string): string =>
  name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
