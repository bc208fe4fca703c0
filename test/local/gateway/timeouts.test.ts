import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  nodeServerTimeouts,
  timeoutsOrDefaults,
  withinIntegrationTimeout,
} from '../../../src/local/gateway/timeouts';

const answered: APIGatewayProxyResult = { statusCode: 200, body: 'answered' };
const timedOut: APIGatewayProxyResult = { statusCode: 504, body: 'timed out' };

describe('timeoutsOrDefaults', () => {
  it('waits as API Gateway does when told nothing: 29 s for the request and the function, 10 s for headers', () => {
    expect(timeoutsOrDefaults(undefined)).toEqual({
      headersMs: 10_000,
      requestMs: 29_000,
      integrationMs: 29_000,
    });
  });

  it('keeps the timeouts it is given and defaults only the others', () => {
    expect(timeoutsOrDefaults({ integrationMs: 200 })).toEqual({
      headersMs: 10_000,
      requestMs: 29_000,
      integrationMs: 200,
    });
  });
});

describe('nodeServerTimeouts', () => {
  it.each([
    [
      'the defaults',
      10_000,
      29_000,
      { requestTimeout: 29_000, headersTimeout: 10_000, connectionsCheckingInterval: 1000 },
    ],
    [
      'headers allowed longer than the request',
      900,
      500,
      { requestTimeout: 500, headersTimeout: 500, connectionsCheckingInterval: 125 },
    ],
    [
      'a request timeout too short to check a quarter of',
      10,
      20,
      { requestTimeout: 20, headersTimeout: 10, connectionsCheckingInterval: 10 },
    ],
  ])('gives Node %s, checked often enough to enforce them', (_case, headersMs, requestMs, expected) => {
    expect(nodeServerTimeouts({ headersMs, requestMs })).toEqual(expected);
  });
});

describe('withinIntegrationTimeout', () => {
  it("gives the function's answer when it comes in time", async () => {
    const result = await withinIntegrationTimeout(Promise.resolve(answered), 1_000, () => timedOut);

    expect(result).toBe(answered);
  });

  it('gives the timeout answer when the function takes longer', async () => {
    const never = new Promise<APIGatewayProxyResult>(() => {});

    const result = await withinIntegrationTimeout(never, 20, () => timedOut);

    expect(result).toBe(timedOut);
  });

  it("passes the function's failure on, for the gateway's 502", async () => {
    const failing = Promise.reject(new Error('handler threw'));

    await expect(withinIntegrationTimeout(failing, 1_000, () => timedOut)).rejects.toThrow('handler threw');
  });
});
