import bodies from '../../generated/body-validators';
import params from '../../generated/params-validators';
import { operations } from '../../generated/routes';
import { MethodNotAllowedError, RequestValidationError, RouteNotFoundError } from '../../src/http/errors';
import { createRouter, pathMatcher } from '../../src/http/router';
import { handlers } from '../../src/resources';

const ids = Object.keys(handlers);
const router = createRouter({ operations, params, bodies }, ids);
const ID = '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71';

describe('router', () => {
  it('dispatches on the route the gateway matched, whatever the path looks like', () => {
    // A custom domain's base path puts a prefix in `path`; the resource and its parameters do not change.
    const match = router.match('GET', `/v1/items/${ID}`, {
      template: '/items/{itemId}',
      pathParameters: { itemId: ID },
    });

    expect(match).toMatchObject({
      operationId: 'getItem',
      template: '/items/{itemId}',
      requestMediaTypes: [],
      pathParameters: { itemId: ID },
    });
  });

  it('matches the path against the spec when the gateway gave no route', () => {
    expect(router.match('PATCH', `/items/${ID}`)).toMatchObject({
      operationId: 'updateItem',
      template: '/items/{itemId}',
      requestMediaTypes: ['application/merge-patch+json', 'application/json'],
      pathParameters: { itemId: ID },
    });
  });

  it.each([
    ['/nope', RouteNotFoundError],
    ['/items/a/b', RouteNotFoundError],
  ])('answers %s with RouteNotFoundError', (path, error) => {
    expect(() => router.match('GET', path)).toThrow(error);
  });

  it('lists the allowed methods for a known path and another method', () => {
    expect(() => router.match('POST', `/items/${ID}`)).toThrow(
      new MethodNotAllowedError('POST', ['GET', 'PUT', 'PATCH', 'DELETE']),
    );
  });

  it('coerces query parameters and fills the spec defaults, leaving the input untouched', () => {
    const query = { status: 'active' };

    const validated = router.validate(router.match('GET', '/items'), { query, headers: {}, body: undefined });

    expect(validated.query).toEqual({ status: 'active', limit: 20 });
    expect(query).toEqual({ status: 'active' });
  });

  it('validates body and parameters together, reporting both', () => {
    const match = router.match('PUT', `/items/not-a-uuid`);

    expect(() =>
      router.validate(match, { query: {}, headers: { 'if-match': 'nope' }, body: { name: 42 } }),
    ).toThrow(
      new RequestValidationError([
        { parameter: 'itemId', detail: 'must match format "uuid"' },
        { parameter: 'If-Match', detail: expect.any(String) },
        { pointer: '/name', detail: 'must be string' },
      ]),
    );
  });

  it('does not coerce body values', () => {
    const match = router.match('POST', '/items');

    expect(() => router.validate(match, { query: {}, headers: {}, body: { name: 42 } })).toThrow(
      RequestValidationError,
    );
  });

  it('requires a body where the spec does', () => {
    const match = router.match('POST', '/items');

    expect(() => router.validate(match, { query: {}, headers: {}, body: undefined })).toThrow(
      new RequestValidationError([{ pointer: '', detail: 'a request body is required' }]),
    );
  });
});

describe('pathMatcher', () => {
  const match = pathMatcher(['/items', '/items/{itemId}', '/items/{itemId}/media', '/items/search']);

  it.each([
    ['/items', { template: '/items', pathParameters: {} }],
    ['/items/', { template: '/items', pathParameters: {} }],
    ['/items/abc', { template: '/items/{itemId}', pathParameters: { itemId: 'abc' } }],
    ['/items/a%20b', { template: '/items/{itemId}', pathParameters: { itemId: 'a b' } }],
    ['/items/search', { template: '/items/search', pathParameters: {} }],
    ['/items/abc/media', { template: '/items/{itemId}/media', pathParameters: { itemId: 'abc' } }],
    ['/things', undefined],
    ['/items/a/b', undefined],
  ])('matches %s', (path, expected) => {
    expect(match(path)).toEqual(expected);
  });
});
