import { RequestValidationError } from '../../src/http/errors';
import { entityTag, expectedVersions } from '../../src/http/item-representation';

describe('expectedVersions (If-Match)', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    [' * ', undefined],
    ['"3"', [3]],
    ['"3", "7"', [3, 7]],
    ['"3","3"', [3]],
    ['W/"3"', []],
    ['W/"3", "4"', [4]],
  ])('reads %p as %p', (header, versions) => {
    expect(expectedVersions(header)).toEqual(versions);
  });

  it.each(['3', '"x"', '"3" "4"', ''])('refuses %p', (header) => {
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
