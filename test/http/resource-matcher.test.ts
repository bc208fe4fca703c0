import { resourceMatcher } from '../../src/http/resource-matcher';

describe('resourceMatcher', () => {
  const match = resourceMatcher(['/items', '/items/{itemId}', '/items/{itemId}/media', '/items/search']);

  it.each([
    ['/items', { resource: '/items', pathParameters: {} }],
    ['/items/', { resource: '/items', pathParameters: {} }],
    ['/items/abc', { resource: '/items/{itemId}', pathParameters: { itemId: 'abc' } }],
    ['/items/a%20b', { resource: '/items/{itemId}', pathParameters: { itemId: 'a b' } }],
    ['/items/search', { resource: '/items/search', pathParameters: {} }],
    ['/items/abc/media', { resource: '/items/{itemId}/media', pathParameters: { itemId: 'abc' } }],
    ['/things', undefined],
    ['/items/a/b', undefined],
  ])('matches %s', (path, expected) => {
    expect(match(path)).toEqual(expected);
  });
});
