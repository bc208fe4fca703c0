/**
 * Types of requests and results per operation, derived from the generated contract. The handler
 * map is checked against these, so an operation without a handler, or a handler returning a status,
 * header or body the spec does not document, is a compile error.
 */
import type { operations } from '../../generated/openapi';
import type { WriteRequest } from '../writes/write-request';
import type { Caller } from './http-types';

export type OperationId = keyof operations;

type Operation<Id extends OperationId> = operations[Id];
type ContentOf<T> = T extends { content: infer C } ? C[keyof C] : undefined;
/**
 * Headers the core adds to every response (the request id) or that middleware adds (a replay's
 * marker): documented in the spec, never a handler's to set.
 */
type CoreHeaders = 'X-Request-Id' | 'Idempotent-Replayed';
/**
 * Drops the `[name: string]: unknown` index signature openapi-typescript adds to header objects,
 * and the core's headers.
 */
type KnownKeys<T> = { [K in keyof T as string extends K ? never : K extends CoreHeaders ? never : K]: T[K] };
type Parameters<Id extends OperationId, In extends string> = Operation<Id>['parameters'] extends {
  [K in In]?: infer P;
}
  ? [P] extends [never]
    ? Record<string, never>
    : NonNullable<P>
  : Record<string, never>;

export type RequestBody<Id extends OperationId> = ContentOf<Operation<Id>['requestBody']>;

/** What a handler receives: validated against the spec, with parameters coerced to their types. */
export interface HandlerRequest<Id extends OperationId> {
  readonly path: Parameters<Id, 'path'>;
  readonly query: Parameters<Id, 'query'>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RequestBody<Id>;
  readonly caller: Caller;
  /** The request's base path ('' for none), for links to the API's resources (../links.ts). */
  readonly basePath: string;
  /**
   * This request as a write: its id (the gateway's request id, the same on every retry of this
   * request) and, set by the idempotency middleware, the client's Idempotency-Key.
   */
  readonly write: WriteRequest;
}

type SuccessStatus<Id extends OperationId> = Extract<keyof Operation<Id>['responses'], 200 | 201 | 202 | 204>;
type ResponseSpec<Id extends OperationId, S extends SuccessStatus<Id>> = Operation<Id>['responses'][S];
type ResultFor<R, S> = {
  readonly status: S;
  readonly headers: KnownKeys<R extends { headers: infer H } ? H : never>;
  /** The answer repeats an earlier request's (idempotency); middleware says so, it is never serialised. */
  readonly replayed?: boolean;
} & (ContentOf<R> extends undefined ? { readonly body?: undefined } : { readonly body: ContentOf<R> });

/** A handler's successful result; errors are thrown as typed errors and mapped in http/problem.ts. */
export type HandlerResult<Id extends OperationId> = {
  [S in SuccessStatus<Id>]: ResultFor<ResponseSpec<Id, S>, S>;
}[SuccessStatus<Id>];

/**
 * A handler of one operation. `Context` is what its resource adds to the handler context
 * (src/resources/<name>/module.ts); the app passes every resource's context merged.
 */
export type Handler<Id extends OperationId, Context = unknown> = (
  request: HandlerRequest<Id>,
  context: Context,
) => Promise<HandlerResult<Id>>;

/** Some operations' handlers: what one resource serves. */
export type ResourceHandlers<Context> = { readonly [Id in OperationId]?: Handler<Id, Context> };

/** Every operation's handler: a missing or extra one, or one needing context nobody gives, fails to compile. */
export type HandlerMap<Context> = { readonly [Id in OperationId]: Handler<Id, Context> };
