import {
  InvalidPageTokenError,
  ItemNotFoundError,
  VersionMismatchError,
} from '../../src/errors/client-error';
import {
  BodyTooLargeError,
  MalformedBodyError,
  MethodNotAllowedError,
  RequestValidationError,
  RouteNotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../../src/http/errors';
import { problemResponse, renderProblem } from '../../src/http/problem';
import {
  PROBLEM_TYPES,
  type ProblemName,
  problemHeaders,
  problemMembers,
} from '../../src/http/problem-types';
import type { Logger } from '../../src/logger';

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('problemResponse', () => {
  it.each([
    [
      new RequestValidationError([{ pointer: '/name', detail: 'is required' }]),
      400,
      '/problems/validation-error',
    ],
    [new MalformedBodyError('Unexpected end of JSON input'), 400, '/problems/malformed-body'],
    [new BodyTooLargeError(65536), 413, '/problems/body-too-large'],
    [new InvalidPageTokenError('signature'), 400, '/problems/invalid-page-token'],
    [new ItemNotFoundError('id-1'), 404, '/problems/not-found'],
    [new RouteNotFoundError('/nope'), 404, '/problems/not-found'],
    [new UnauthenticatedError(), 401, '/problems/unauthorized'],
    [new MethodNotAllowedError('PUT', ['GET', 'POST']), 405, '/problems/method-not-allowed'],
    [new VersionMismatchError('id-1'), 412, '/problems/precondition-failed'],
    [
      new UnsupportedMediaTypeError('text/plain', ['application/json']),
      415,
      '/problems/unsupported-media-type',
    ],
    [new Error('database on fire'), 500, '/problems/internal-error'],
    ['a thrown string', 500, '/problems/internal-error'],
  ])('maps %p to %i %s', (error, status, type) => {
    const response = problemResponse(error, 'req-1', silent);

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
        headers: problemHeaders(name),
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
