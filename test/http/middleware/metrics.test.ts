import type { HttpRequest } from '../../../src/http/http-types';
import type { Exchange } from '../../../src/http/middleware/chain';
import { METRIC, metricsRecorder } from '../../../src/http/middleware/metrics';

const request: HttpRequest = { method: 'GET', path: '/items', headers: {}, query: {}, requestId: 'req-1' };
const at = 1_700_000_000_000;

/** The members as the object they are in the line (they start with a comma, and have no braces). */
const parsed = (members: string): Record<string, unknown> => JSON.parse(`{${members.slice(1)}}`);

describe('metricsRecorder', () => {
  it('renders the EMF members of a line: count, latency, 4xx and 5xx by operation, cold start when asked', () => {
    // Prepare
    const metrics = metricsRecorder('Test');

    // Act
    const first = metrics.members({
      exchange: { request, operationId: 'listItems' },
      status: 200,
      latency: '3',
      coldStart: true,
      at,
    });
    const second = metrics.members({
      exchange: { request, operationId: 'getItem' },
      status: 404,
      latency: '1.25',
      coldStart: false,
      at,
    });
    const third = metrics.members({ exchange: { request }, status: 500, latency: '2', coldStart: false, at });

    // Assess
    expect(parsed(first)).toEqual({
      _aws: {
        Timestamp: at,
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
    });
    expect(parsed(second)).toMatchObject({
      Operation: 'getItem',
      Latency: 1.25,
      '4XXError': 1,
      '5XXError': 0,
    });
    expect(parsed(second)).not.toHaveProperty('ColdStart');
    expect(second).not.toContain('ColdStart');
    expect(parsed(third)).toMatchObject({ Operation: 'none', '4XXError': 0, '5XXError': 1 });
  });

  it('adds what inner middleware counted to the same line, declared as metrics, for that exchange only', () => {
    // Prepare
    const metrics = metricsRecorder('Test');
    const exchange: Exchange = { request, operationId: 'getItem' };
    const other: Exchange = { request, operationId: 'getItem' };

    // Act
    metrics.count(exchange, METRIC.responseValidated);
    metrics.count(exchange, METRIC.responseMismatch);
    const line = metrics.members({ exchange, status: 200, latency: '1', coldStart: false, at });
    const otherLine = metrics.members({ exchange: other, status: 200, latency: '1', coldStart: false, at });

    // Assess
    expect(parsed(line)).toMatchObject({ ResponseValidated: 1, ResponseValidationMismatch: 1 });
    expect(line).toContain('{"Name":"ResponseValidationMismatch","Unit":"Count"}');
    expect(otherLine).not.toContain('ResponseValidated');
  });
});
