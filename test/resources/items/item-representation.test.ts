import { RequestValidationError } from '../../../src/http/errors';
import { apiReference } from '../../../src/http/links';
import { entityTag, expectedVersions, itemLocation } from '../../../src/resources/items/item-representation';

describe('itemLocation and apiReference', () => {
  it.each([
    ['', '/items/abc'],
    ['/dev', '/dev/items/abc'],
    ['/v1', '/v1/items/abc'],
  ])('puts base path %p before the item path', (basePath, location) => {
    expect(itemLocation(basePath, { id: 'abc' })).toBe(location);
  });

  it('percent-encodes each segment, so an id cannot add one', () => {
    expect(apiReference('/dev', 'items', 'a/b c', 'media')).toBe('/dev/items/a%2Fb%20c/media');
  });

  it('is the root itself with no segments', () => {
    expect(apiReference('')).toBe('/');
  });
});

describe('expectedVersions (If-Match)', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    [' * ', undefined],
    ['"3"', [3]],
    [' "3" ', [3]],
    ['"123456789012345"', [123456789012345]],
    ['"3", "7"', [3, 7]],
    ['"3","3"', [3]],
    ['W/"3"', []],
    ['W/"3", "4"', [4]],
  ])('reads %p as %p', (header, versions) => {
    expect(expectedVersions(header)).toEqual(versions);
  });

  it.each(['3', '"x"', '"3" "4"', '', '"1234567890123456"', '"3"x'])('refuses %p', (header) => {
    expect(() => expectedVersions(header)).toThrow(RequestValidationError);
  });

  it('refuses more distinct tags than one conditional write can check', () => {
    const header = Array.from({ length: 101 }, (_, index) => `"${index}"`).join(',');

    expect(() => expectedVersions(header)).toThrow(
      new RequestValidationError([{ parameter: 'If-Match', detail: 'must list at most 100 entity tags' }]),
    );
  });

  it('round-trips the ETag it makes', () => {
    const tag = entityTag({
      id: 'x',
      name: 'n',
      status: 'active',
      createdAt: '',
      updatedAt: '',
      version: 12,
    });

    expect(expectedVersions(tag)).toEqual([12]);
  });
});
