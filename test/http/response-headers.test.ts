/**
 * Every answer carries the headers security reviews look for first (OWASP REST Security Cheat
 * Sheet) and the request id to quote to support, through every transport: successes, the
 * function's problems, and problems the local gateway makes itself.
 */
import { createItem } from '../support/factories';
import { TRANSPORTS, useTestApi } from '../support/test-api';

describe.each(TRANSPORTS)('response headers via %s', (transport) => {
  const api = useTestApi(transport);

  it.each([
    ['a success', 'GET', '/items', undefined, 200],
    ['a created item', 'POST', '/items', { name: 'headers' }, 201],
    ['a problem of the function', 'GET', '/items/01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71', undefined, 404],
    ['a refused body', 'POST', '/items', { name: '' }, 400],
    ['a body over the limit', 'POST', '/items', { name: 'x', description: 'y'.repeat(70_000) }, 413],
  ] as const)(
    '%s (%s %s) is not cached, not sniffed, and names its request id',
    async (_case, method, path, body, status) => {
      const response = await api.call(method, path, body === undefined ? {} : { body });

      expect(response.status).toBe(status);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-request-id']).toMatch(/\S/);
      if (status >= 400) expect(response.json.instance).toBe(response.headers['x-request-id']);
    },
  );

  it('on an empty answer too (204)', async () => {
    const item = await createItem(api);

    const response = await api.call('DELETE', `/items/${item.id}`);

    expect(response.status).toBe(204);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
