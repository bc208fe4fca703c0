import type { HttpRequest } from '../../../src/http/http-types';
import { accessLogMiddleware, asAccessRecord } from '../../../src/http/middleware/access-log';
import { metricsRecorder } from '../../../src/http/middleware/metrics';
import { createJsonLogger, type LogLevel, type OutputLine, setOutput } from '../../../src/logger';

const request = (caller?: string): HttpRequest => ({
  method: 'GET',
  path: '/items/abc',
  headers: { authorization: 'Bearer secret-token' },
  query: {},
  body: '{"name":"private"}',
  requestId: 'req-1',
  ...(caller !== undefined && { caller: { subject: caller } }),
});

const AT = Date.UTC(2026, 11, 1, 13, 30, 52, 7);

function setUp(level: LogLevel, withMetrics: boolean) {
  const written: OutputLine[] = [];
  setOutput((entry) => written.push(entry));
  const metricLines: string[] = [];
  let clock = 100;
  const log = accessLogMiddleware({
    records: createJsonLogger(level),
    ...(withMetrics && { metrics: metricsRecorder('Test') }),
    writeMetrics: (line) => metricLines.push(line),
    now: () => clock,
    clock: () => AT,
  });
  const answer = (status: number, ms: number) => async () => {
    clock += ms;
    return { status, headers: {}, body: '{}' };
  };
  const lines = () => written.map((entry) => JSON.parse(entry.line) as Record<string, unknown>);
  return { log, answer, written, lines, metricLines };
}

describe('accessLogMiddleware', () => {
  afterEach(() => setOutput(({ line }) => process.stdout.write(`${line}\n`)));

  it('writes one line per request: the access record and its EMF metrics in one JSON object', async () => {
    // Prepare
    const { log, answer, written, lines } = setUp('info', true);

    // Act
    await log({ request: request('alice'), operationId: 'getItem' }, answer(200, 12.345));
    await log({ request: request() }, answer(404, 0));

    // Assess
    expect(written).toHaveLength(2);
    const [first, second] = lines();
    expect(first).toEqual({
      level: 'info',
      message: 'request',
      timestamp: '2026-12-01T13:30:52.007Z',
      requestId: 'req-1',
      operationId: 'getItem',
      method: 'GET',
      path: '/items/abc',
      status: 200,
      latencyMs: 12.35,
      coldStart: true,
      subject: 'alice',
      _aws: {
        Timestamp: AT,
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
      Operation: 'getItem',
      Requests: 1,
      Latency: 12.35,
      '4XXError': 0,
      '5XXError': 0,
      ColdStart: 1,
    });
    expect(second).toMatchObject({ status: 404, coldStart: false, Operation: 'none', '4XXError': 1 });
    expect(second).not.toHaveProperty('operationId');
    expect(second).not.toHaveProperty('subject');
    expect(second).not.toHaveProperty('ColdStart');
    expect(written.map(({ line }) => line).join('\n')).not.toMatch(/secret-token|private/);
  });

  it('passes the access record to the output as fields, so npm start can render it', async () => {
    // Prepare
    const { log, answer, written } = setUp('info', true);

    // Act
    await log({ request: request('alice'), operationId: 'getItem' }, answer(200, 1));

    // Assess
    const [entry] = written;
    expect(entry?.kind === 'log' && asAccessRecord(entry.message, entry.fields)).toEqual({
      requestId: 'req-1',
      operationId: 'getItem',
      method: 'GET',
      path: '/items/abc',
      status: 200,
      latencyMs: 1,
      coldStart: true,
      subject: 'alice',
    });
  });

  it('writes the access fields without _aws when metrics are disabled', async () => {
    // Prepare
    const { log, answer, lines, metricLines } = setUp('info', false);

    // Act
    await log({ request: request(), operationId: 'getItem' }, answer(200, 1));

    // Assess
    const [line] = lines();
    expect(line).toMatchObject({ message: 'request', requestId: 'req-1', status: 200 });
    expect(line).not.toHaveProperty('_aws');
    expect(metricLines).toEqual([]);
  });

  it('writes the metrics alone when LOG_LEVEL leaves out info lines, and nothing with metrics disabled too', async () => {
    // Prepare
    const withMetrics = setUp('warn', true);
    const without = setUp('warn', false);

    // Act
    await withMetrics.log({ request: request(), operationId: 'getItem' }, withMetrics.answer(200, 1));
    await without.log({ request: request(), operationId: 'getItem' }, without.answer(200, 1));

    // Assess
    expect(withMetrics.written).toEqual([]);
    expect(without.written).toEqual([]);
    expect(withMetrics.metricLines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ requestId: 'req-1', Operation: 'getItem', Requests: 1, ColdStart: 1 }),
    ]);
    expect(without.metricLines).toEqual([]);
  });

  it('escapes what the client controls, so the line stays one valid JSON object', async () => {
    // Prepare
    const { log, answer, lines } = setUp('info', true);
    const odd = {
      ...request('a"b\nc'),
      path: '/items/"\\\u2028',
      method: 'GE"T',
      requestId: 'r\u0000"1',
    };

    // Act
    await log({ request: odd }, answer(404, 1));

    // Assess
    expect(lines()[0]).toMatchObject({
      path: '/items/"\\\u2028',
      subject: 'a"b\nc',
      method: 'GE"T',
      requestId: 'r\u0000"1',
      Operation: 'none',
    });
  });

  it('reads an access record back from its fields, and nothing from another line', () => {
    const fields = {
      requestId: 'r',
      method: 'GET',
      path: '/items',
      status: 200,
      latencyMs: 1,
      coldStart: false,
    };

    expect(asAccessRecord('request', fields)).toEqual(fields);
    expect(asAccessRecord('request failed', fields)).toBeUndefined();
    expect(asAccessRecord('request', { ...fields, status: '200' })).toBeUndefined();
  });
});
