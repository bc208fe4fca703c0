/**
 * The one place where errors become HTTP responses: each error kind names its problem type in
 * the catalog (problem-types.ts) and adds what the occurrence knows. Anything not recognised here
 * is a server fault: logged with the request id, answered with a generic 500 that reveals nothing
 * about the cause.
 */
import { StorageUnavailableError } from '../errors/storage-unavailable-error';
import type { Logger } from '../logger';
import { InvalidPageTokenError } from '../paging/errors';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError, WriteConflictError } from '../writes/errors';
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
import {
  type MappedProblem,
  type ProblemMap,
  type ProblemRegistry,
  problem,
  problemRegistry,
} from './problem-map';
import { type ProblemName, problemHeaders, problemMembers } from './problem-types';
import { baseHeaders } from './response-headers';

export type { MappedProblem } from './problem-map';

/** The errors of the shared core: HTTP, storage, writes of any resource, paging. Resources add theirs. */
export type CoreError =
  | HttpError
  | StorageUnavailableError
  | WriteConflictError
  | IdempotencyKeyReusedError
  | IdempotencyKeyInUseError
  | InvalidPageTokenError;

export const CORE_PROBLEMS = {
  'request-validation': problem(RequestValidationError, (error) => ({
    name: 'validation-error',
    detail: error.message,
    errors: error.issues,
  })),
  'malformed-body': problem(MalformedBodyError, (error) => ({
    name: 'malformed-body',
    detail: error.message,
  })),
  'body-too-large': problem(BodyTooLargeError, (error) => ({
    name: 'body-too-large',
    detail: error.message,
  })),
  // Says nothing of which check failed: the client's remedy is the same.
  'invalid-page-token': problem(InvalidPageTokenError, () => ({
    name: 'invalid-page-token',
    errors: [{ parameter: 'nextToken', detail: 'not a valid page token' }],
  })),
  // Says nothing of why the token failed: that would help an attacker, not a client.
  unauthenticated: problem(UnauthenticatedError, () => ({ name: 'unauthorized' })),
  'route-not-found': problem(RouteNotFoundError, (error) => ({ name: 'not-found', detail: error.message })),
  'method-not-allowed': problem(MethodNotAllowedError, (error) => ({
    name: 'method-not-allowed',
    detail: error.message,
    headers: { allow: error.allowed.join(', ') },
  })),
  'unsupported-media-type': problem(UnsupportedMediaTypeError, (error) => ({
    name: 'unsupported-media-type',
    detail: error.message,
  })),
  'write-conflict': problem(WriteConflictError, (error) => ({
    name: 'write-conflict',
    detail: error.message,
  })),
  'idempotency-key-reused': problem(IdempotencyKeyReusedError, () => ({ name: 'idempotency-key-reused' })),
  'idempotency-key-in-use': problem(IdempotencyKeyInUseError, () => ({ name: 'idempotency-key-in-use' })),
  'storage-unavailable': problem(StorageUnavailableError, () => ({ name: 'service-unavailable' })),
} satisfies ProblemMap<CoreError>;

/** The core's problems alone: for what answers before any resource is involved (the local gateway). */
export const CORE_PROBLEM_REGISTRY: ProblemRegistry = problemRegistry([CORE_PROBLEMS]);

/** One lookup by the error's kind and one instanceof, rather than an instanceof per known class. */
function knownProblem(error: unknown, registry: ProblemRegistry): MappedProblem | undefined {
  if (typeof error !== 'object' || error === null || !('kind' in error) || typeof error.kind !== 'string')
    return undefined;
  return registry.get(error.kind)?.problemOf(error);
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
    headers: { ...baseHeaders(instance), ...type.headers, ...problem.headers },
    body: `${type.prefix}${detail},"instance":${JSON.stringify(instance)}${errors}}`,
  };
}

/** Turns any error thrown while serving a request into its problem+json response. */
export function problemResponse(
  error: unknown,
  requestId: string,
  logger: Logger,
  registry: ProblemRegistry = CORE_PROBLEM_REGISTRY,
): HttpResponse {
  const known = knownProblem(error, registry);
  if (known !== undefined) {
    // Not the client's doing and worth an alarm, though the client gets an honest 503.
    if (error instanceof StorageUnavailableError)
      logger.error('storage unavailable', { requestId, error: error.cause });
    return renderProblem(known, requestId);
  }
  logger.error('request failed', { requestId, error });
  return renderProblem({ name: 'internal-error' }, requestId);
}
