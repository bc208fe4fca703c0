/** What the local gateway is told at start: which API it stands in for, and in front of which handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpApiHandler } from '../../gateway-events/http-api-v2';
import type { ProxyHandler } from '../../gateway-events/rest-api-v1';
import type { CorsPolicy } from '../../http/middleware/cors';
import type { GatewayAuthorizer } from './authorizer';
import type { HttpApiEmulation } from './http-api-event';
import type { Mount } from './rest-api-event';
import type { GatewayTimeouts } from './timeouts';

/** A REST API (payload v1, the default) or an HTTP API (payload v2) in front of the handler. */
export type GatewayOptions =
  | (GatewayBaseOptions & {
      readonly payloadFormat?: '1.0';
      readonly handler: ProxyHandler;
      /**
       * Verifies the Authorization header as the stage's authorizer does (./authorizer.ts),
       * returning what goes into `requestContext.authorizer`. Requests to the API's resources it
       * refuses are answered 401 here and never reach the function.
       */
      readonly authorizer?: GatewayAuthorizer;
    })
  | (GatewayBaseOptions & {
      readonly payloadFormat: '2.0';
      readonly handler: HttpApiHandler;
      readonly authorizer?: HttpApiEmulation['authorizer'];
    });

interface GatewayBaseOptions {
  /** Resource templates (`/items/{itemId}`) with their methods, to fill `resource` and `pathParameters` as API Gateway does. */
  readonly resources: Readonly<Record<string, readonly string[]>>;
  /** Preflight requests are answered here, as the deployed gateway's mock integration does. */
  readonly cors: CorsPolicy;
  readonly port: number;
  readonly host?: string;
  readonly stage?: string;
  /**
   * Where the API is served: at the root (the default), or under `/<stage>` as on the execute-api
   * URL (`{ via: 'execute-api' }`), or under a custom domain's base path. The prefix is stripped
   * before routing, and the event says it as API Gateway does (./rest-api-event.ts).
   */
  readonly mount?: Mount;
  /** Answers requests that are not the API's (the docs page, say) before API routing; true if it did. */
  readonly extraRoutes?: (request: IncomingMessage, response: ServerResponse) => boolean;
  readonly timeouts?: GatewayTimeouts;
}
