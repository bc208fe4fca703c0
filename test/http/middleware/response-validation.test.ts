import { loadConfig } from '../../../src/config';
import type { HttpResponse } from '../../../src/http/http-types';
import type { Exchange } from '../../../src/http/middleware/chain';
import type { ExtraMetric } from '../../../src/http/middleware/metrics';
import {
  type ResponseChecks,
  responseMismatches,
  responseValidationMiddleware,
} from '../../../src/http/middleware/response-validation';
import type { LogFields, Logger } from '../../../src/logger';

const validators: ResponseChecks['validators'] = require('../../../generated/response-validators');
const { responses: table } =
  require('../../../generated/response-table') as typeof import('../../../generated/response-table');
const checks: ResponseChecks = { table, validators };

const item = {
  id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
  name: 'Quarterly report',
  status: 'active',
  createdAt: '2026-11-20T09:15:02.481Z',
  updatedAt: '2026-11-21T16:40:11.032Z',
  version: 3,
};
const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = { etag: '"3"' },
): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers },
  body: JSON.stringify(body),
});

describe('responseMismatches (the generated checks)', () => {
  it.each<[string, string, HttpResponse, string[]]>([
    ['a documented item', 'getItem', json(200, item), []],
    ['a page', 'listItems', json(200, { items: [item] }), []],
    ['no content', 'deleteItem', { status: 204, headers: { 'x-request-id': 'req-1' } }, []],
    ['no request id', 'deleteItem', { status: 204, headers: {} }, ['header x-request-id is missing']],
    ['an undocumented status', 'getItem', json(418, item), ['status 418 is not documented for getItem']],
    [
      'a wrong field type',
      'getItem',
      json(200, { ...item, version: '3' }),
      ['body/version fails type {"type":"integer"}'],
    ],
    ['a missing required header', 'getItem', json(200, item, {}), ['header etag is missing']],
    [
      'a wrong content type',
      'getItem',
      {
        status: 200,
        headers: { 'content-type': 'text/plain', etag: '"3"', 'x-request-id': 'r' },
        body: 'hi',
      },
      ['content type "text/plain" is not documented; expected application/json'],
    ],
    [
      'a body that is not JSON',
      'getItem',
      {
        status: 200,
        headers: { 'content-type': 'application/json', etag: '"1"', 'x-request-id': 'r' },
        body: '{',
      },
      ['the body is not JSON'],
    ],
  ])('%s', (_name, operationId, response, expected) => {
    expect(responseMismatches(checks, operationId, response)).toEqual(expected);
  });
});

function setUp(sampleRate: number, random: () => number) {
  const logged: Array<{ message: string; fields: LogFields }> = [];
  const counted: ExtraMetric[] = [];
  const push = (message: string, fields: LogFields = {}) => logged.push({ message, fields });
  const logger: Logger = { debug: push, info: push, warn: push, error: push };
  let loads = 0;
  const middleware = responseValidationMiddleware({
    sampleRate,
    logger,
    count: (_exchange, name) => counted.push(name),
    load: () => {
      loads++;
      return checks;
    },
    random,
  });
  return { middleware, logged, counted, loads: () => loads };
}

const exchange = (): Exchange => ({
  request: { method: 'GET', path: '/items/x', headers: {}, query: {}, requestId: 'req-9' },
  operationId: 'getItem',
});

describe('responseValidationMiddleware', () => {
  it('logs and counts a mismatch in a sampled response, and answers the client unchanged', async () => {
    // Prepare
    const { middleware, logged, counted } = setUp(1, () => 0.5);
    const wrong = json(200, { ...item, version: 'three' });

    // Act
    const response = await middleware(exchange(), async () => wrong);

    // Assess
    expect(response).toBe(wrong);
    expect(counted).toEqual(['ResponseValidated', 'ResponseValidationMismatch']);
    expect(logged).toEqual([
      {
        message: 'response does not match the spec',
        fields: {
          requestId: 'req-9',
          operationId: 'getItem',
          status: 200,
          mismatches: ['body/version fails type {"type":"integer"}'],
        },
      },
    ]);
  });

  it('checks only the sampled share, loading the checks on the first sample only', async () => {
    // Prepare
    const draws = [0.2, 0.05, 0.9, 0.01];
    const { middleware, counted, logged, loads } = setUp(0.1, () => draws.shift() ?? 1);

    // Act
    for (let i = 0; i < 4; i++) await middleware(exchange(), async () => json(200, item));

    // Assess
    expect(counted).toEqual(['ResponseValidated', 'ResponseValidated']);
    expect(logged).toEqual([]);
    expect(loads()).toBe(1);
  });

  it('never fails the request when the checks cannot run', async () => {
    // Prepare
    const { middleware, logged } = setUp(1, () => 0);
    const broken = responseValidationMiddleware({
      sampleRate: 1,
      logger: {
        debug: () => {},
        info: () => {},
        warn: () => {},
        error: (message) => logged.push({ message, fields: {} }),
      },
      count: () => {},
      load: () => {
        throw new Error('no checks');
      },
    });

    // Act
    const response = await broken(exchange(), async () => json(200, item));
    await middleware({ request: exchange().request }, async () => json(404, {}));

    // Assess
    expect(response.status).toBe(200);
    expect(logged).toEqual([{ message: 'response validation failed', fields: {} }]);
  });

  it('samples 1% by default and reads RESPONSE_VALIDATION_SAMPLE_RATE, from 0 to 1', () => {
    const env = {
      TABLE_NAME: 't',
      PAGE_TOKEN_SECRET: Buffer.alloc(32, 1).toString('base64'),
      MEDIA_BUCKET: 'media',
    };

    expect(loadConfig(env).responseValidationSampleRate).toBe(0.01);
    expect(loadConfig({ ...env, RESPONSE_VALIDATION_SAMPLE_RATE: '1' }).responseValidationSampleRate).toBe(1);
    expect(() => loadConfig({ ...env, RESPONSE_VALIDATION_SAMPLE_RATE: '2' })).toThrow(
      'RESPONSE_VALIDATION_SAMPLE_RATE must be a number from 0 to 1',
    );
  });
});
