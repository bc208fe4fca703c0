/**
 * The one place where errors become HTTP responses: each error kind names its problem type in
 * the catalog (problem-types.ts) and adds what the occurrence knows. Anything not recognised here
 * is a server fault: logged with the request id, answered with a generic 500 that reveals nothing
 * about the cause.
 */
import type { components } from '../../generated/openapi';
import {
  type DomainError,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  InvalidPageTokenError,
  ItemNotFoundError,
  MediaLimitReachedError,
  MediaNotFoundError,
  VersionMismatchError,
  WriteConflictError,
} from '../errors/client-error';
import { StorageUnavailableError } from '../errors/storage-unavailable-error';
import type { Logger } from '../logger';
import {
  BodyTooLargeError,
  type HttpError,
  MalformedBodyError,
  MethodNotAllowedError,
  RequestValidationError,
  RouteNotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from './errors';
import type { HttpResponse } from './http-types';
import { type ProblemName, problemHeaders, problemMembers } from './problem-types';

type Problem = components['schemas']['Problem'];

export interface MappedProblem {
  readonly name: ProblemName;
  /** The occurrence's detail; the catalog's default when absent. */
  readonly detail?: string;
  readonly errors?: Readonly<Problem['errors']>;
  readonly headers?: Readonly<Record<string, string>>;
}

type KnownError = DomainError | HttpError | StorageUnavailableError;

/** Every error class with a problem type, by kind: a kind added to the unions must be added here. */
const KNOWN_ERRORS: {
  readonly [K in KnownError['kind']]: abstract new (
    ...args: never[]
  ) => Extract<KnownError, { kind: K }>;
} = {
  'item-not-found': ItemNotFoundError,
  'version-mismatch': VersionMismatchError,
  'invalid-page-token': InvalidPageTokenError,
  'write-conflict': WriteConflictError,
  'idempotency-key-reused': IdempotencyKeyReusedError,
  'idempotency-key-in-use': IdempotencyKeyInUseError,
  'media-not-found': MediaNotFoundError,
  'media-limit-reached': MediaLimitReachedError,
  'storage-unavailable': StorageUnavailableError,
  'route-not-found': RouteNotFoundError,
  'method-not-allowed': MethodNotAllowedError,
  unauthenticated: UnauthenticatedError,
  'request-validation': RequestValidationError,
  'malformed-body': MalformedBodyError,
  'body-too-large': BodyTooLargeError,
  'unsupported-media-type': UnsupportedMediaTypeError,
};
const KNOWN_BY_KIND: ReadonlyMap<string, abstract new (...args: never[]) => KnownError> = new Map(
  Object.entries(KNOWN_ERRORS),
);

/** One lookup by the error's kind and one instanceof, rather than an instanceof per known class. */
function isKnown(error: unknown): error is KnownError {
  if (typeof error !== 'object' || error === null || !('kind' in error) || typeof error.kind !== 'string')
    return false;
  const type = KNOWN_BY_KIND.get(error.kind);
  return type !== undefined && error instanceof type;
}

function map(error: KnownError): MappedProblem {
  switch (error.kind) {
    case 'request-validation':
      return { name: 'validation-error', detail: error.message, errors: error.issues };
    case 'malformed-body':
      return { name: 'malformed-body', detail: error.message };
    case 'body-too-large':
      return { name: 'body-too-large', detail: error.message };
    case 'invalid-page-token':
      // Says nothing of which check failed: the client's remedy is the same.
      return {
        name: 'invalid-page-token',
        errors: [{ parameter: 'nextToken', detail: 'not a valid page token' }],
      };
    case 'unauthenticated':
      // Says nothing of why the token failed: that would help an attacker, not a client.
      return { name: 'unauthorized' };
    case 'item-not-found':
    case 'media-not-found':
    case 'route-not-found':
      return { name: 'not-found', detail: error.message };
    case 'method-not-allowed':
      return {
        name: 'method-not-allowed',
        detail: error.message,
        headers: { allow: error.allowed.join(', ') },
      };
    case 'version-mismatch':
      return { name: 'precondition-failed' };
    case 'unsupported-media-type':
      return { name: 'unsupported-media-type', detail: error.message };
    case 'write-conflict':
      return { name: 'write-conflict', detail: error.message };
    case 'idempotency-key-reused':
      return { name: 'idempotency-key-reused' };
    case 'idempotency-key-in-use':
      return { name: 'idempotency-key-in-use' };
    case 'media-limit-reached':
      return { name: 'media-limit-reached', detail: error.message };
    case 'storage-unavailable':
      return { name: 'service-unavailable' };
  }
}

/** Per catalog entry, computed on its first use: the body up to `detail`, its default detail, and its headers. */
interface RenderedType {
  /** `{"type":…,"title":…,"status":…,"detail":` */
  readonly prefix: string;
  readonly defaultDetail: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

const rendered = new Map<ProblemName, RenderedType>();

function renderedType(name: ProblemName): RenderedType {
  let found = rendered.get(name);
  if (found === undefined) {
    const { detail, ...members } = problemMembers(name);
    const json = JSON.stringify(members);
    found = {
      prefix: `${json.slice(0, -1)},"detail":`,
      defaultDetail: JSON.stringify(detail),
      status: members.status,
      headers: problemHeaders(name),
    };
    rendered.set(name, found);
  }
  return found;
}

/**
 * The problem+json response of a catalog entry, for this occurrence (`instance` is the request
 * id). On the rejection path, which must cost no more than a success: the catalog's members are
 * JSON once per entry, and only the occurrence's detail, instance and errors are serialised here.
 * The members and their order are those of the Problem schema: type, title, status, detail,
 * instance, errors.
 */
export function renderProblem(problem: MappedProblem, instance: string): HttpResponse {
  const type = renderedType(problem.name);
  const detail = problem.detail === undefined ? type.defaultDetail : JSON.stringify(problem.detail);
  const errors = problem.errors === undefined ? '' : `,"errors":${JSON.stringify(problem.errors)}`;
  return {
    status: type.status,
    headers: { ...type.headers, ...problem.headers },
    body: `${type.prefix}${detail},"instance":${JSON.stringify(instance)}${errors}}`,
  };
}

/** Turns any error thrown while serving a request into its problem+json response. */
export function problemResponse(error: unknown, requestId: string, logger: Logger): HttpResponse {
  if (isKnown(error)) {
    // Not the client's doing and worth an alarm, though the client gets an honest 503.
    if (error instanceof StorageUnavailableError)
      logger.error('storage unavailable', { requestId, error: error.cause });
    return renderProblem(map(error), requestId);
  }
  logger.error('request failed', { requestId, error });
  return renderProblem({ name: 'internal-error' }, requestId);
}
