import { assertMatchesContract } from '../support/contract';

// The checker every test response passes through must itself be able to fail.
describe('assertMatchesContract', () => {
  const item = {
    id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
    name: 'n',
    status: 'active',
    createdAt: '2026-11-20T09:15:02.481Z',
    updatedAt: '2026-11-20T09:15:02.481Z',
    version: 1,
  };
  const json = { 'content-type': 'application/json', etag: '"1"', 'x-request-id': 'req-1' };
  const path = `/items/${item.id}`;

  it('accepts a response the spec documents', () => {
    expect(() =>
      assertMatchesContract('GET', path, { status: 200, headers: json, body: JSON.stringify(item) }),
    ).not.toThrow();
  });

  it.each([
    ['an undocumented status', { status: 201, headers: json, body: JSON.stringify(item) }, 'not documented'],
    [
      'another content type',
      { status: 200, headers: { ...json, 'content-type': 'text/html' }, body: '{}' },
      'content type',
    ],
    [
      'a body breaking the schema',
      { status: 200, headers: json, body: JSON.stringify({ ...item, version: 0 }) },
      'breaks the schema',
    ],
    [
      'an undocumented field',
      { status: 200, headers: json, body: JSON.stringify({ ...item, owner: 'alice' }) },
      'breaks the schema',
    ],
    [
      'a missing required header',
      { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(item) },
      'ETag is missing',
    ],
    [
      'a malformed header',
      { status: 200, headers: { ...json, etag: 'W/"1"' }, body: JSON.stringify(item) },
      'header ETag',
    ],
    ['a body on 204', { status: 204, headers: {}, body: '{}' }, 'no body'],
  ])('rejects %s', (_case, response, message) => {
    const method = response.status === 204 ? 'DELETE' : 'GET';

    expect(() => assertMatchesContract(method, path, response)).toThrow(message);
  });

  it('rejects a 2xx for a route the spec does not have', () => {
    expect(() => assertMatchesContract('GET', '/nope', { status: 200, headers: json, body: '{}' })).toThrow(
      '404 or 405',
    );
  });
});
