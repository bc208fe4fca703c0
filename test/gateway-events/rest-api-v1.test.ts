import { basePathOf } from '../../src/gateway-events/rest-api-v1';

describe('basePathOf', () => {
  it.each([
    ['/dev/items', '/items', '/dev'],
    ['/dev/items/', '/items', '/dev'],
    ['/v1/items/01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71', '/items/{itemId}', '/v1'],
    ['/a/b/items/x/media', '/items/{itemId}/media', '/a/b'],
    ['//dev//items', '/items', '/dev'],
    ['/dev//items/x', '/items/{itemId}', '/dev'],
    ['/a//b/items', '/items', '/a/b'],
    ['dev/items', '/items', '/dev'],
    ['/items', '/items', ''],
    ['/items/x', '/items/{itemId}', ''],
    [undefined, '/items', ''],
    ['/dev/anything/at/all', '/{proxy+}', ''],
    ['/dev/items', '', ''],
  ])('the prefix of %s before the segments of %s is %j', (publicPath, resource, expected) => {
    expect(basePathOf(publicPath, resource)).toBe(expected);
  });
});
