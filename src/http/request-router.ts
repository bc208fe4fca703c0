import type { GatewayRoute } from './http-types';
import type { OperationId } from './operation-types';

export interface MatchedRoute {
  readonly operationId: OperationId;
  /** Media types the operation's request body may have; empty when it takes no body. */
  readonly requestMediaTypes: readonly string[];
  /** Raw path parameters by name, before validation. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

export interface RouteInput {
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined when the request has none. */
  readonly body: unknown;
}

export interface ValidatedParameters {
  readonly path: Record<string, unknown>;
  /** Coerced to the schema's types, with the spec's defaults filled in. */
  readonly query: Record<string, unknown>;
}

/**
 * The seam between HTTP and the contract: find the operation for a request and validate the
 * request against the spec. Behind this interface the implementation went from openapi-backend
 * to validators precompiled at build time without a handler noticing (see README, Performance).
 */
export interface RequestRouter {
  /**
   * Throws RouteNotFoundError or MethodNotAllowedError. `route` is the resource the gateway already
   * matched, when it says; the path is matched against the spec's templates otherwise.
   */
  match(method: string, path: string, route?: GatewayRoute): MatchedRoute;
  /** Throws RequestValidationError naming every invalid field and parameter. */
  validate(route: MatchedRoute, input: RouteInput): ValidatedParameters;
}
