import type { APIGatewayProxyResult } from 'aws-lambda';
import { rawResponse, writeResult } from '../../../src/local/gateway/result-writer';
import { startServer, type TestServer } from './node-requests';

describe('rawResponse', () => {
  it('writes a whole HTTP/1.1 response that closes the connection, its length in bytes', () => {
    const text = rawResponse({ statusCode: 408, headers: { 'content-type': 'text/plain' }, body: 'née' });

    expect(text).toBe(
      'HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain\r\ncontent-length: 4\r\nconnection: close\r\n\r\nnée',
    );
  });
});

describe('writeResult', () => {
  let results: APIGatewayProxyResult[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      for (const result of results) writeResult(response, result);
    });
  });
  afterAll(() => server.close());
  const get = () => fetch(`http://127.0.0.1:${server.port}/`);

  it('writes the status, the headers, each value of a multi-value header and the body', async () => {
    results = [
      { statusCode: 207, headers: { 'x-one': 1 }, multiValueHeaders: { 'x-many': ['a', 2] }, body: 'ok' },
    ];

    const response = await get();

    expect(response.status).toBe(207);
    expect(response.headers.get('x-one')).toBe('1');
    expect(response.headers.get('x-many')).toBe('a, 2');
    expect(await response.text()).toBe('ok');
  });

  it('sends a base64-encoded body as its bytes', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0x89]);
    results = [{ statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true }];

    const response = await get();

    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('never writes over a response already sent', async () => {
    results = [
      { statusCode: 200, body: 'first' },
      { statusCode: 504, body: 'second' },
    ];

    const response = await get();

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('first');
  });
});
