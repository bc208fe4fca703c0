/**
 * The one place where errors become HTTP responses: RFC 9457 problem+json, one problem type per
 * error kind. Anything not recognised here is a server fault: logged with the request id, answered
 * with a generic 500 that reveals nothing about the cause.
 */
import type { components } from '../../generated/openapi';
import {
  type DomainError,
  InvalidPageTokenError,
  ItemNotFoundError,
  VersionMismatchError,
} from '../domain/errors';
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

type Problem = components['schemas']['Problem'];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface MappedProblem {
  readonly problem: Omit<Problem, 'instance'>;
  readonly headers?: Record<string, string>;
}

type KnownError = DomainError | HttpError;

/** Every error class with a problem type, by kind: a kind added to the unions must be added here. */
const KNOWN_ERRORS: {
  readonly [K in KnownError['kind']]: abstract new (
    ...args: never[]
  ) => Extract<KnownError, { kind: K }>;
} = {
  'item-not-found': ItemNotFoundError,
  'version-mismatch': VersionMismatchError,
  'invalid-page-token': InvalidPageTokenError,
  'route-not-found': RouteNotFoundError,
  'method-not-allowed': MethodNotAllowedError,
  unauthenticated: UnauthenticatedError,
  'request-validation': RequestValidationError,
  'malformed-body': MalformedBodyError,
  'body-too-large': BodyTooLargeError,
  'unsupported-media-type': UnsupportedMediaTypeError,
};
const KNOWN_ERROR_TYPES = Object.values(KNOWN_ERRORS);

function isKnown(error: unknown): error is KnownError {
  return KNOWN_ERROR_TYPES.some((type) => error instanceof type);
}

function map(error: KnownError): MappedProblem {
  switch (error.kind) {
    case 'request-validation':
      return {
        problem: {
          type: '/problems/validation-error',
          title: 'Request validation failed',
          status: 400,
          detail: error.message,
          errors: [...error.issues],
        },
      };
    case 'malformed-body':
      return {
        problem: {
          type: '/problems/malformed-body',
          title: 'Malformed request body',
          status: 400,
          detail: error.message,
        },
      };
    case 'body-too-large':
      return {
        problem: {
          type: '/problems/body-too-large',
          title: 'Request body too large',
          status: 400,
          detail: error.message,
        },
      };
    case 'invalid-page-token':
      return {
        problem: {
          type: '/problems/invalid-page-token',
          title: 'Invalid page token',
          status: 400,
          detail: 'nextToken is not a token issued by this API for this query, or it has expired.',
          errors: [{ parameter: 'nextToken', detail: 'not a valid page token' }],
        },
      };
    case 'unauthenticated':
      // Says nothing of why the token failed: that would help an attacker, not a client.
      return {
        problem: {
          type: '/problems/unauthorized',
          title: 'Unauthorized',
          status: 401,
          detail: error.message,
        },
        headers: { 'www-authenticate': 'Bearer' },
      };
    case 'item-not-found':
      return {
        problem: { type: '/problems/not-found', title: 'Not found', status: 404, detail: error.message },
      };
    case 'route-not-found':
      return {
        problem: { type: '/problems/not-found', title: 'Not found', status: 404, detail: error.message },
      };
    case 'method-not-allowed':
      return {
        problem: {
          type: '/problems/method-not-allowed',
          title: 'Method not allowed',
          status: 405,
          detail: error.message,
        },
        headers: { allow: error.allowed.join(', ') },
      };
    case 'version-mismatch':
      return {
        problem: {
          type: '/problems/precondition-failed',
          title: 'Precondition failed',
          status: 412,
          detail:
            'The item has changed since you read it (If-Match does not match its ETag); fetch it again and retry.',
        },
      };
    case 'unsupported-media-type':
      return {
        problem: {
          type: '/problems/unsupported-media-type',
          title: 'Unsupported media type',
          status: 415,
          detail: error.message,
        },
      };
  }
}

const INTERNAL_ERROR: MappedProblem = {
  problem: {
    type: '/problems/internal-error',
    title: 'Internal server error',
    status: 500,
    detail: 'The server could not complete the request. Quote the instance id when reporting this.',
  },
};

/** Turns any error thrown while serving a request into its problem+json response. */
export function problemResponse(error: unknown, requestId: string, logger: Logger): HttpResponse {
  let mapped = INTERNAL_ERROR;
  if (isKnown(error)) mapped = map(error);
  else logger.error('request failed', { requestId, error });
  const body: Problem = { ...mapped.problem, instance: requestId };
  return {
    status: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...mapped.headers },
    body: JSON.stringify(body),
  };
}
