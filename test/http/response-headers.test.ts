/**
 * Every answer carries the headers security reviews look for first (OWASP REST Security Cheat
 * Sheet) and the request id to quote to support, through every transport: successes, the
 * function's problems, and problems the local gateway makes itself.
 */
import { createItem } from '../support/factories';
import { pathOf, ROUTES } from '../support/operations';
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

  // Every operation, refused before a handler runs: by the function's own check, or, over HTTP, by
  // the local gateway's authorizer (a gateway-made answer).
  it.each(ROUTES.map((route) => [route.operationId, route] as const))(
    '%s without credentials: 401 problem, not cached, not sniffed, with its request id',
    async (_operationId, route) => {
      const path = pathOf(route, {
        itemId: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
        mediaId: '01936b30-7e21-7b44-9c0d-2f8a6e1b3c57',
      });

      const response = await api.call(route.method, path, { subject: null });

      expect(response.status).toBe(401);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-request-id']).toBe(response.json.instance);
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
