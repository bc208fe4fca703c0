import { API_PROBLEMS } from '../../src/compose-app';
import { StorageUnavailableError } from '../../src/errors/storage-unavailable-error';
import {
  BodyTooLargeError,
  MalformedBodyError,
  MethodNotAllowedError,
  RequestValidationError,
  RouteNotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../../src/http/errors';
import { type CORE_PROBLEMS, problemResponse, renderProblem } from '../../src/http/problem';
import {
  PROBLEM_TYPES,
  type ProblemName,
  problemHeaders,
  problemMembers,
} from '../../src/http/problem-types';
import type { Logger } from '../../src/logger';
import { InvalidPageTokenError } from '../../src/paging/errors';
import type { ResourceErrorKind } from '../../src/resources';
import { ItemNotFoundError, VersionMismatchError } from '../../src/resources/items/errors';
import { MediaLimitReachedError, MediaNotFoundError } from '../../src/resources/media/errors';
import {
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  WriteConflictError,
} from '../../src/writes/errors';

type KnownErrorKind = keyof typeof CORE_PROBLEMS | ResourceErrorKind;

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** One row per error kind the API maps: a kind added to the core or to a resource fails to compile until its row exists. */
const ROWS: { readonly [K in KnownErrorKind]: readonly [object, number, string] } = {
  'request-validation': [
    new RequestValidationError([{ pointer: '/name', detail: 'is required' }]),
    400,
    '/problems/validation-error',
  ],
  'malformed-body': [new MalformedBodyError('Unexpected end of JSON input'), 400, '/problems/malformed-body'],
  'body-too-large': [new BodyTooLargeError(65536), 413, '/problems/body-too-large'],
  'invalid-page-token': [new InvalidPageTokenError('signature'), 400, '/problems/invalid-page-token'],
  unauthenticated: [new UnauthenticatedError(), 401, '/problems/unauthorized'],
  'route-not-found': [new RouteNotFoundError('/nope'), 404, '/problems/not-found'],
  'method-not-allowed': [
    new MethodNotAllowedError('PUT', ['GET', 'POST']),
    405,
    '/problems/method-not-allowed',
  ],
  'unsupported-media-type': [
    new UnsupportedMediaTypeError('text/plain', ['application/json']),
    415,
    '/problems/unsupported-media-type',
  ],
  'write-conflict': [new WriteConflictError('id-1'), 409, '/problems/write-conflict'],
  'idempotency-key-reused': [new IdempotencyKeyReusedError(), 422, '/problems/idempotency-key-reused'],
  'idempotency-key-in-use': [new IdempotencyKeyInUseError(), 409, '/problems/idempotency-key-in-use'],
  'storage-unavailable': [
    new StorageUnavailableError({ cause: new Error('throttled') }),
    503,
    '/problems/service-unavailable',
  ],
  'item-not-found': [new ItemNotFoundError('id-1'), 404, '/problems/not-found'],
  'version-mismatch': [new VersionMismatchError('id-1'), 412, '/problems/precondition-failed'],
  'media-not-found': [new MediaNotFoundError('id-1', 'media-1'), 404, '/problems/not-found'],
  'media-limit-reached': [new MediaLimitReachedError('id-1', 20), 409, '/problems/media-limit-reached'],
};

describe('problemResponse', () => {
  it.each([
    ...Object.entries(ROWS).map(([kind, row]) => [kind, ...row] as const),
    ['an unknown Error', new Error('database on fire'), 500, '/problems/internal-error'] as const,
    ['a thrown string', 'a thrown string', 500, '/problems/internal-error'] as const,
    // Same kind, not the class: an impostor is not trusted with a client status.
    [
      'an impostor of a kind',
      { kind: 'item-not-found', message: 'x' },
      500,
      '/problems/internal-error',
    ] as const,
  ])('maps %s to %i %s', (_kind, error, status, type) => {
    const response = problemResponse(error, 'req-1', silent, API_PROBLEMS);

    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body ?? '')).toMatchObject({
      type,
      status,
      instance: 'req-1',
      title: expect.any(String),
      detail: expect.any(String),
    });
  });

  it('answers only the core kinds without the API registry (the local gateway renders those alone)', () => {
    expect(problemResponse(new ItemNotFoundError('id-1'), 'r', silent).status).toBe(500);
    expect(problemResponse(new UnauthenticatedError(), 'r', silent).status).toBe(401);
  });

  it('never puts a server fault in the body', () => {
    const response = problemResponse(new Error('password=hunter2'), 'req-2', silent);

    expect(response.body).not.toContain('hunter2');
  });

  it('asks for a bearer token on 401, whatever went wrong with the one given', () => {
    const response = problemResponse(new UnauthenticatedError(), 'r', silent);

    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(response.body ?? '').detail).toBe('A valid bearer token is required.');
  });

  it('names the allowed methods for 405', () => {
    expect(
      problemResponse(new MethodNotAllowedError('PUT', ['GET', 'POST']), 'r', silent).headers.allow,
    ).toBe('GET, POST');
  });

  it.each(Object.keys(PROBLEM_TYPES) as ProblemName[])(
    'renders %s byte for byte as JSON.stringify of its members would, with and without detail and errors',
    (name) => {
      // Prepare
      const errors = [
        { pointer: '/name', detail: 'must be "short"\n' },
        { parameter: 'limit', detail: 'x' },
      ];
      const instance = 'req-"1"';

      // Act
      const plain = renderProblem({ name }, instance);
      const full = renderProblem({ name, detail: 'Quoted "detail" \u2028', errors }, instance);

      // Assess
      expect(plain).toEqual({
        status: PROBLEM_TYPES[name].status,
        headers: {
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-request-id': instance,
          ...problemHeaders(name),
        },
        body: JSON.stringify({ ...problemMembers(name), instance }),
      });
      expect(full.body).toBe(
        JSON.stringify({ ...problemMembers(name, 'Quoted "detail" \u2028'), instance, errors }),
      );
    },
  );

  it('builds client errors without a stack trace, and keeps the stack of a fault', () => {
    expect(new ItemNotFoundError('id-1').stack).toBe('ItemNotFoundError: Item id-1 does not exist.');
    expect(new RequestValidationError([]).stack).not.toContain('\n    at ');
    expect(new Error('fault').stack).toContain('\n    at ');
  });
});
