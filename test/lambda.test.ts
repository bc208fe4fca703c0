import type { ProxyHandler } from '../src/lambda-proxy';
import { createEvent } from './support/events';
import { createTestTable } from './support/table';

describe('Lambda entry (src/lambda.ts)', () => {
  let handler: ProxyHandler;
  beforeAll(async () => {
    process.env.TABLE_NAME = await createTestTable();
    // Loaded only now, as the Lambda runtime does, after the environment is in place.
    ({ handler } = require('../src/lambda') as typeof import('../src/lambda'));
  });

  it('serves a proxy event end to end', async () => {
    const created = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"from lambda"}',
        headers: { 'Content-Type': 'application/json' },
        subject: 'alice',
      }),
    );

    expect(created.statusCode).toBe(201);
    const location = created.headers?.location;
    expect((await handler(createEvent('GET', String(location), { subject: 'alice' }))).statusCode).toBe(200);
  });

  it('decodes a base64-encoded body', async () => {
    const body = Buffer.from('{"name":"encoded"}').toString('base64');

    const response = await handler(
      createEvent('POST', '/items', {
        body,
        isBase64Encoded: true,
        headers: { 'content-type': 'application/json' },
        subject: 'alice',
      }),
    );

    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ name: 'encoded' });
  });

  it('keeps items apart by the authorizer subject', async () => {
    const created = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"mine"}',
        headers: { 'Content-Type': 'application/json' },
        subject: 'alice',
      }),
    );
    const id = JSON.parse(created.body).id as string;

    expect((await handler(createEvent('GET', `/items/${id}`, { subject: 'alice' }))).statusCode).toBe(200);
    expect((await handler(createEvent('GET', `/items/${id}`, { subject: 'bob' }))).statusCode).toBe(404);
  });

  it('answers 401 when no authorizer vouched for a caller, whatever the body claims', async () => {
    const response = await handler(
      createEvent('POST', '/items', {
        body: '{"name":"x","owner":"alice"}',
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    expect(response.statusCode).toBe(401);
    expect(response.headers?.['www-authenticate']).toBe('Bearer');
  });

  it('fails at load with the missing variable named', () => {
    const saved = process.env.TABLE_NAME;
    delete process.env.TABLE_NAME;
    try {
      jest.isolateModules(() => {
        expect(() => require('../src/lambda')).toThrow('TABLE_NAME is required');
      });
    } finally {
      process.env.TABLE_NAME = saved;
    }
  });
});
