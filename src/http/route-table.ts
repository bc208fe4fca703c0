import type { ErrorObject } from 'ajv';

/** What the router needs to know about one operation, generated from the spec (generated/routes.json). */
export interface OperationRoute {
  readonly operationId: string;
  /** Upper case. */
  readonly method: string;
  /** The spec's path template, e.g. `/items/{itemId}`: API Gateway's `resource`. */
  readonly template: string;
  /** Media types the request body may have; empty when the operation takes no body. */
  readonly requestMediaTypes: readonly string[];
  /** Header parameter names, lower case to declared case. */
  readonly headerNames: Readonly<Record<string, string>>;
}

/** An ajv validator, precompiled at build time (generated/*-validators.js) or compiled in memory. */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface CompiledApi {
  readonly operations: readonly OperationRoute[];
  /** Per operationId: validates `{ path, query, header }`, coercing parameters and filling defaults. */
  readonly params: Readonly<Record<string, Validator>>;
  /** Per operationId with a body: validates `{ requestBody }` without coercion. */
  readonly bodies: Readonly<Record<string, Validator>>;
}
