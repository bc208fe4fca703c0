import bodies from '../generated/body-validators';
import params from '../generated/params-validators';
import { operations } from '../generated/routes';
import type { Config } from './config';
import { createApp } from './http/app';
import type { HttpApp } from './http/http-types';
import { authenticating } from './http/middleware/authenticating';
import { corsMiddleware } from './http/middleware/cors';
import { idempotencyMiddleware } from './http/middleware/idempotency';
import { observabilityMiddleware } from './http/middleware/observability';
import { CORE_PROBLEMS } from './http/problem';
import { problemRegistry } from './http/problem-map';
import { createRouter } from './http/router';
import { jsonLogger, type Logger } from './logger';
import { createContext, handlers, RESOURCES, type ResourceOverrides } from './resources';
import { createDocumentClient } from './storage/dynamodb/document-client';

/** Every error kind's problem: the shared core's and each resource's. */
export const API_PROBLEMS = problemRegistry([
  CORE_PROBLEMS,
  ...RESOURCES.map((resource) => resource.problems),
]);

/** What tests may replace: the logger, and each resource's own overrides (its module.ts says which). */
export type Overrides = ResourceOverrides & { readonly logger?: Logger };

/**
 * Wires the application from config: the composition root shared by the Lambda entry and tests.
 * Everything here runs once per container; nothing is compiled at start-up (validators come
 * precompiled from generated/).
 */
export function composeApp(config: Config, overrides: Overrides = {}): HttpApp {
  const client = createDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint !== undefined && { endpoint: config.dynamodbEndpoint }),
    attemptTimeoutMs: config.dynamodb.attemptTimeoutMs,
    maxAttempts: config.dynamodb.maxAttempts,
  });
  const router = createRouter({ operations, params, bodies }, Object.keys(handlers));
  const app = createApp({
    router,
    handlers,
    context: createContext({ config, client }, overrides),
    problems: API_PROBLEMS,
    logger: overrides.logger ?? jsonLogger,
    // CORS off (no origins) adds nothing to the chain, so the warm path pays nothing for it.
    middleware: [
      ...observabilityMiddleware(config, overrides.logger ?? jsonLogger),
      ...(config.corsOrigins.length > 0 ? [corsMiddleware({ origins: config.corsOrigins })] : []),
    ],
    // Acts only on operations whose spec declares Idempotency-Key, and only when a request sends one.
    operationMiddleware: [idempotencyMiddleware()],
  });
  // Behind an HTTP API without a JWT authorizer the function checks bearer tokens itself, so its
  // 401s are the spec's problem+json; behind an authorizer, the caller arrives verified.
  if (config.auth === undefined) return app;
  // Loaded only here, so behind the REST API (whose authorizer has verified the caller) jose is not
  // in the function's cold start.
  const { verifyBearer }: typeof import('./auth/jwt-verifier') = require('./auth/jwt-verifier');
  return authenticating(app, verifyBearer(config.auth));
}
