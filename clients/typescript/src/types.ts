/**
 * The SDK's public types, derived from the generated spec types (generated/openapi.ts) and the
 * generated operation table (generated/operations.ts): a method per operationId whose argument has
 * the operation's path and query parameters, its body, and `ifMatch` / `idempotencyKey` exactly
 * where the spec declares those headers.
 */
import type { components, operations as SpecOperations } from './generated/openapi.js';
import type { OperationId, operations } from './generated/operations.js';

type Table = typeof operations;
type Spec<Id extends OperationId> = SpecOperations[Id];
type Empty = Record<never, never>;
/** What the spec has there, or nothing (openapi-typescript writes `?: never` for an absent part). */
type Part<T> = [NonNullable<T>] extends [never] ? Empty : NonNullable<T>;

export type Item = components['schemas']['Item'];
export type Media = components['schemas']['Media'];
export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = components['schemas']['ProblemFieldError'];

/** An item (its `version` is used), a version number, or an ETag as the server sent it (`"3"`). */
export type IfMatch = { readonly version: number } | number | string;

type BodyOf<Id extends OperationId> =
  NonNullable<Spec<Id>['requestBody']> extends { content: infer C } ? C[keyof C] : never;

type BodyArg<Id extends OperationId> = Table[Id]['body'] extends false
  ? Empty
  : { readonly body: BodyOf<Id> };

type HeaderArgs<Id extends OperationId> = (Table[Id]['ifMatch'] extends true
  ? { readonly ifMatch?: IfMatch }
  : Empty) &
  (Table[Id]['idempotencyKey'] extends true
    ? /** Made up per call when left out, and reused on every retry of that call. */
      { readonly idempotencyKey?: string }
    : Empty);

export type CallOptions = {
  /** Cancels the call, its retries and its waits. */
  readonly signal?: AbortSignal;
};

/** The one argument of an operation's method. */
export type Args<Id extends OperationId> = Part<Spec<Id>['parameters']['path']> &
  Part<Spec<Id>['parameters']['query']> &
  BodyArg<Id> &
  HeaderArgs<Id> &
  CallOptions;

type Responses<Id extends OperationId> = Spec<Id>['responses'];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** What a successful call resolves to: the success response's body (undefined for 204). */
export type Data<Id extends OperationId> = JsonOf<
  Responses<Id>[Table[Id]['success'][number] & keyof Responses<Id>]
>;

type PageKey<Id extends OperationId> = Table[Id]['page'];
/** One entry of a paged operation's list. */
export type PageEntry<Id extends OperationId> =
  PageKey<Id> extends keyof Data<Id>
    ? Data<Id>[PageKey<Id>] extends readonly (infer E)[]
      ? E
      : never
    : never;

/** The response behind a result. */
export interface ResponseInfo {
  readonly status: number;
  readonly headers: Headers;
  /** `X-Request-Id` (the `instance` of a problem answer): quote it to support. */
  readonly requestId: string | undefined;
  /** `Idempotent-Replayed: true`: an earlier attempt with the same key did the work; nothing more was done. */
  readonly replayed: boolean;
  /** Attempts made, the first included. */
  readonly attempts: number;
}

export interface WithResponse<T> {
  readonly data: T;
  readonly response: ResponseInfo;
}

/** A call under way: await it for the data, or `withResponse()` for the data and its response. */
export interface ApiCall<T> extends PromiseLike<T> {
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R>;
  finally(onFinally?: (() => void) | null): Promise<T>;
  withResponse(): Promise<WithResponse<T>>;
}

/** A paged call: awaited, one page; iterated with `for await`, every entry, following `nextToken`. */
export interface PagedCall<T, E> extends ApiCall<T>, AsyncIterable<E> {}

export type CallOf<Id extends OperationId> =
  PageKey<Id> extends string ? PagedCall<Data<Id>, PageEntry<Id>> : ApiCall<Data<Id>>;

type MethodOf<Id extends OperationId> =
  Empty extends Args<Id> ? (args?: Args<Id>) => CallOf<Id> : (args: Args<Id>) => CallOf<Id>;

/** One method per operationId of the spec. */
export type OperationMethods = { readonly [Id in OperationId]: MethodOf<Id> };

export interface UploadMediaArgs extends CallOptions {
  readonly itemId: string;
  /** Its `type` is the declared content type, its size the declared size. */
  readonly file: Blob;
  readonly fileName?: string;
  readonly idempotencyKey?: string;
  /** How long to wait for the media to become `ready` after the upload (default 60 s). */
  readonly readyTimeoutMs?: number;
}

export interface ItemsApi extends OperationMethods {
  /** createMediaUpload, PUT the bytes to the presigned URL with exactly its headers, then getMedia until `ready`. */
  uploadMedia(args: UploadMediaArgs): ApiCall<Media>;
}
