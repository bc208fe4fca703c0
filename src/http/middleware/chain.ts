/**
 * The seams for cross-cutting concerns (CORS, idempotency, request logs, metrics): each is a
 * middleware, composed the way Hono's `app.use` and Powertools' event-handler middleware are, so
 * the app itself grows no branch per concern. Two levels:
 *
 * - `Middleware` wraps the whole request, before routing: it sees every answer, problem+json included.
 * - `OperationMiddleware` wraps one operation's handler call, after routing and validation: it
 *   sees the validated request and the operation's declared headers, and the handler's result
 *   before it is serialised. Errors it lets through become problem+json like the handler's own.
 */
import type { WriteRequest } from '../../writes/write-request';
import type { Caller, HttpRequest, HttpResponse } from '../http-types';
import type { OperationId } from '../operation-types';

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

/** A validated request on its way to an operation's handler, before it takes the operation's types. */
export interface OperationRequest {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly caller: Caller;
  readonly basePath: string;
  readonly write: WriteRequest;
}

/** One operation call, as operation middleware sees it. */
export interface OperationCall {
  readonly operationId: OperationId;
  /** The header parameters the spec declares for the operation, lower case to declared case. */
  readonly headerNames: ReadonlyMap<string, string>;
  readonly request: OperationRequest;
}

/** A handler's result before serialisation. */
export interface OperationResult {
  readonly status: number;
  readonly headers: object;
  readonly body?: unknown;
  readonly replayed?: boolean;
}

export type OperationEndpoint = (call: OperationCall) => Promise<OperationResult>;

/** Runs around an operation's handler; may pass on a changed call or change the result. Throws typed errors. */
export type OperationMiddleware = (call: OperationCall, next: OperationEndpoint) => Promise<OperationResult>;

/** `middleware[0]` runs outermost, as with compose(). */
export function composeOperation(
  middleware: readonly OperationMiddleware[],
  endpoint: OperationEndpoint,
): OperationEndpoint {
  return middleware.reduceRight<OperationEndpoint>((inner, outer) => (call) => outer(call, inner), endpoint);
}
