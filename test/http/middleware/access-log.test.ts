import type { HttpRequest } from '../../../src/http/http-types';
import { accessLogMiddleware, asAccessRecord } from '../../../src/http/middleware/access-log';
import type { LogFields, Logger } from '../../../src/logger';

const request = (caller?: string): HttpRequest => ({
  method: 'GET',
  path: '/items/abc',
  headers: { authorization: 'Bearer secret-token' },
  query: {},
  body: '{"name":"private"}',
  requestId: 'req-1',
  ...(caller !== undefined && { caller: { subject: caller } }),
});

function recordingLogger(): { logger: Logger; lines: Array<{ message: string; fields: LogFields }> } {
  const lines: Array<{ message: string; fields: LogFields }> = [];
  const push = (message: string, fields: LogFields = {}) => lines.push({ message, fields });
  return { logger: { debug: push, info: push, warn: push, error: push }, lines };
}

describe('accessLogMiddleware', () => {
  it('logs one line per request with id, operation, status, latency, cold start and subject only', async () => {
    // Prepare
    const { logger, lines } = recordingLogger();
    let clock = 100;
    const log = accessLogMiddleware(logger, () => clock);
    const answer = async () => {
      clock += 12.345;
      return { status: 200, headers: {}, body: '{}' };
    };

    // Act
    await log({ request: request('alice'), operationId: 'getItem' }, answer);
    await log({ request: request() }, async () => ({ status: 404, headers: {} }));

    // Assess
    expect(lines).toEqual([
      {
        message: 'request',
        fields: {
          requestId: 'req-1',
          operationId: 'getItem',
          method: 'GET',
          path: '/items/abc',
          status: 200,
          latencyMs: 12.35,
          coldStart: true,
          subject: 'alice',
        },
      },
      {
        message: 'request',
        fields: {
          requestId: 'req-1',
          method: 'GET',
          path: '/items/abc',
          status: 404,
          latencyMs: 0,
          coldStart: false,
        },
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|private/);
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
