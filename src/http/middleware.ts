/**
 * The seam for cross-cutting concerns (CORS, idempotency, request logs, metrics): each is a
 * middleware around the app, composed the way Hono's `app.use` and Powertools' event-handler
 * middleware are, so the app itself grows no branch per concern.
 */
import type { HttpRequest, HttpResponse } from './http-types';
import type { OperationId } from './operation-types';

/** One request in flight, as middleware sees it. */
export interface Exchange {
  readonly request: HttpRequest;
  /**
   * The operation the request was routed to. Set by the app once routing succeeds, so middleware
   * reads it after `next()`; undefined for a path or method the API does not have.
   */
  operationId?: OperationId | undefined;
}

export type Next = () => Promise<HttpResponse>;

/** Runs around the rest of the chain: may change the request's outcome, never throws for a client's error. */
export type Middleware = (exchange: Exchange, next: Next) => Promise<HttpResponse>;

export type Endpoint = (exchange: Exchange) => Promise<HttpResponse>;

/** `middleware[0]` runs outermost. With none, the endpoint itself: the warm path pays nothing. */
export function compose(middleware: readonly Middleware[], endpoint: Endpoint): Endpoint {
  return middleware.reduceRight<Endpoint>(
    (inner, outer) => (exchange) => outer(exchange, () => inner(exchange)),
    endpoint,
  );
}
