import type { OperationId } from './operation-types';

export interface MatchedRoute {
  readonly operationId: OperationId;
  /** Media types the operation's request body may have; empty when it takes no body. */
  readonly requestMediaTypes: readonly string[];
}

export interface RouteInput {
  readonly path: string;
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
 * request against the spec. Kept behind this interface so the implementation (openapi-backend
 * today) can be swapped for precompiled validators without touching handlers.
 */
export interface RequestRouter {
  /** Throws RouteNotFoundError or MethodNotAllowedError. */
  match(method: string, path: string): MatchedRoute;
  /** Throws RequestValidationError naming every invalid field and parameter. */
  validate(route: MatchedRoute, input: RouteInput): ValidatedParameters;
}
