import type { HttpRequest, HttpResponse } from '../../../src/http/http-types';
import { compose, type Endpoint, type Middleware } from '../../../src/http/middleware/chain';

const request: HttpRequest = { method: 'GET', path: '/items', headers: {}, query: {}, requestId: 'req-1' };

/** Records when it runs, before and after the rest of the chain, and what operation it saw afterwards. */
function recorder(name: string, log: string[]): Middleware {
  return async (exchange, next) => {
    log.push(`${name}:before`);
    const response = await next();
    log.push(`${name}:after:${exchange.operationId ?? 'none'}`);
    return { ...response, headers: { ...response.headers, [`x-${name}`]: 'seen' } };
  };
}

describe('compose', () => {
  it('runs middleware outermost first and lets each see the operation the endpoint routed to', async () => {
    const log: string[] = [];
    const endpoint: Endpoint = async (exchange) => {
      log.push('endpoint');
      exchange.operationId = 'listItems';
      return { status: 200, headers: {} };
    };

    const response = await compose([recorder('outer', log), recorder('inner', log)], endpoint)({ request });

    expect(log).toEqual([
      'outer:before',
      'inner:before',
      'endpoint',
      'inner:after:listItems',
      'outer:after:listItems',
    ]);
    expect(response.headers).toEqual({ 'x-inner': 'seen', 'x-outer': 'seen' });
  });

  it('lets a middleware answer without calling the rest of the chain', async () => {
    const endpoint = jest.fn<Promise<HttpResponse>, []>();
    const shortCircuit: Middleware = async () => ({ status: 409, headers: {} });

    const response = await compose([shortCircuit], endpoint)({ request });

    expect(response.status).toBe(409);
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('is the endpoint itself when there is no middleware', () => {
    const endpoint: Endpoint = async () => ({ status: 204, headers: {} });

    expect(compose([], endpoint)).toBe(endpoint);
  });
});
