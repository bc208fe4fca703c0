import { v7 as uuidv7 } from 'uuid';
import bodies from '../generated/body-validators';
import params from '../generated/params-validators';
import { operations } from '../generated/routes';
import { authenticating } from './auth/authenticating';
import type { Config } from './config';
import { createApp } from './http/app';
import type { HttpApp } from './http/http-types';
import { corsMiddleware } from './http/middleware/cors';
import { idempotencyMiddleware } from './http/middleware/idempotency';
import { observabilityMiddleware } from './http/middleware/observability';
import { createRouter } from './http/router';
import { jsonLogger, type Logger } from './logger';
import { PageTokenCodec } from './paging/page-token';
import { handlers } from './resources';
import { DynamoDbItemRepository } from './resources/items/dynamodb-item-repository';
import type { ItemRepository } from './resources/items/item-repository';
import { ItemService } from './resources/items/item-service';
import type { MediaService } from './resources/media/media-service';
import type { ObjectStore } from './resources/media/object-store';
import { createDocumentClient } from './storage/dynamodb/document-client';

export interface Overrides {
  /** Replaces the DynamoDB repository: only for fault injection, where the real engine cannot fail on cue. */
  readonly repository?: ItemRepository;
  readonly logger?: Logger;
  /** Replaces the media bucket: only for fault injection. */
  readonly objects?: ObjectStore;
  /**
   * The media module, given instead of required on first use: for hosts whose `require` cannot
   * load TypeScript later (jest's globalSetup, whose transform hook is gone once setup returns).
   */
  readonly mediaModule?: typeof import('./resources/media/compose-media');
}

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
  const repository =
    overrides.repository ??
    new DynamoDbItemRepository(client, config.tableName, { timeoutMs: config.dynamodb.timeoutMs });
  // Built on the first media request: its module (signer, presigner) is not even evaluated before.
  // A lazy require, which esbuild bundles and runs on first call (a dynamic import would need the
  // `.js` suffix that jest cannot resolve).
  let media: MediaService | undefined;
  const mediaService = async (): Promise<MediaService> => {
    if (media === undefined) {
      const { createMediaService } =
        overrides.mediaModule ??
        (require('./resources/media/compose-media') as typeof import('./resources/media/compose-media'));
      media = createMediaService(config, client, overrides.objects);
    }
    return media;
  };
  const items = new ItemService({
    repository,
    pageTokens: new PageTokenCodec(config.pageTokenSecret, config.pageTokenTtlSeconds),
    newId: uuidv7,
    now: () => new Date(),
  });
  const router = createRouter({ operations, params, bodies }, Object.keys(handlers));
  const app = createApp({
    router,
    handlers,
    context: { items, media: mediaService },
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
