import { parseTarget, withinMount } from '../../../src/local/gateway/request-target';

describe('parseTarget', () => {
  it.each([
    ['/items?limit=5', '/items', '?limit=5'],
    ['/items/a%20b', '/items/a%20b', ''],
    [undefined, '/', ''],
  ])('reads %s as its path and query', (target, pathname, search) => {
    expect(parseTarget(target)).toMatchObject({ pathname, search });
  });

  it('gives undefined for a target that is no URL, for the gateway to answer 400', () => {
    expect(parseTarget('//:99999/items')).toBeUndefined();
  });
});

describe('withinMount', () => {
  it.each([
    ['no prefix', '', '/items?limit=5', '/items'],
    ['a stage', '/dev', '/dev/items?limit=5', '/items'],
    ['the stage alone', '/dev', '/dev', '/'],
    ['a base path', '/v1', '/v1/items/abc', '/items/abc'],
  ])('takes off %s, keeping the query', (_case, prefix, target, pathname) => {
    const url = new URL(target, 'http://localhost');

    const inner = withinMount(url, prefix);

    expect(inner?.pathname).toBe(pathname);
    expect(inner?.search).toBe(url.search);
  });

  it.each([
    ['a path without the prefix', '/items'],
    ['a path that only starts with the same letters', '/devices'],
  ])('gives undefined for %s, for the gateway to answer 404', (_case, path) => {
    expect(withinMount(new URL(path, 'http://localhost'), '/dev')).toBeUndefined();
  });
});
