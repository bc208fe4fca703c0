import type { HttpRequest } from '../../../src/http/http-types';
import type { Exchange } from '../../../src/http/middleware';
import { METRIC, metricsMiddleware } from '../../../src/http/middleware/metrics';

const request: HttpRequest = { method: 'GET', path: '/items', headers: {}, query: {}, requestId: 'req-1' };

function setUp() {
  const lines: string[] = [];
  let clock = 0;
  const metrics = metricsMiddleware({
    namespace: 'Test',
    write: (line) => lines.push(line),
    now: () => clock,
    clock: () => 1_700_000_000_000,
  });
  const answer = (status: number, ms: number) => async () => {
    clock += ms;
    return { status, headers: {} };
  };
  return {
    lines,
    metrics,
    answer,
    parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('metricsMiddleware', () => {
  it('writes one EMF line per invocation: count, latency, 4xx and 5xx by operation, cold start once', async () => {
    // Prepare
    const { metrics, answer, parsed } = setUp();

    // Act
    await metrics.middleware({ request, operationId: 'listItems' }, answer(200, 3));
    await metrics.middleware({ request, operationId: 'getItem' }, answer(404, 1));
    await metrics.middleware({ request }, answer(500, 2));

    // Assess
    const [first, second, third] = parsed();
    expect(first).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Test',
            Dimensions: [['Service', 'Operation'], ['Service']],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds' },
              { Name: '4XXError', Unit: 'Count' },
              { Name: '5XXError', Unit: 'Count' },
              { Name: 'ColdStart', Unit: 'Count' },
            ],
          },
        ],
      },
      Service: 'items-api',
      Operation: 'listItems',
      Requests: 1,
      Latency: 3,
      '4XXError': 0,
      '5XXError': 0,
      ColdStart: 1,
      requestId: 'req-1',
    });
    expect(second).toMatchObject({ Operation: 'getItem', '4XXError': 1, '5XXError': 0 });
    expect(second).not.toHaveProperty('ColdStart');
    expect(third).toMatchObject({ Operation: 'none', '4XXError': 0, '5XXError': 1 });
  });

  it('adds what inner middleware counted to the same line, declared as metrics', async () => {
    // Prepare
    const { metrics, parsed } = setUp();
    const exchange: Exchange = { request, operationId: 'getItem' };

    // Act
    await metrics.middleware(exchange, async () => {
      metrics.count(exchange, METRIC.responseValidated);
      metrics.count(exchange, METRIC.responseMismatch);
      return { status: 200, headers: {} };
    });

    // Assess
    const [line] = parsed();
    expect(line).toMatchObject({ ResponseValidated: 1, ResponseValidationMismatch: 1 });
    expect(JSON.stringify(line)).toContain('{"Name":"ResponseValidationMismatch","Unit":"Count"}');
  });
});
