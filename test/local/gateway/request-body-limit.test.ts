import { MAX_READ_BYTES, readBody } from '../../../src/local/gateway/request-body-limit';
import { exchange, startServer, type TestServer } from './node-requests';

describe('readBody', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Answers with what readBody gave: the body's length, or `refused`.
    server = await startServer(async (request, response) => {
      const body = await readBody(request);
      response.setHeader('connection', 'close');
      response.end(body === undefined ? 'refused' : `read ${body.length}`);
    });
  });
  afterAll(() => server.close());
  const head = (headers: string) =>
    `POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers}\r\n`;
  const chunked = (...sizes: number[]) =>
    `${sizes.map((size) => `${size.toString(16)}\r\n${'x'.repeat(size)}\r\n`).join('')}0\r\n\r\n`;

  it('reads a body up to the limit whole', async () => {
    const answer = await exchange(
      server.port,
      `${head(`Content-Length: ${MAX_READ_BYTES}\r\n`)}${'x'.repeat(MAX_READ_BYTES)}`,
    );

    expect(answer).toContain(`read ${MAX_READ_BYTES}`);
  });

  it('reads a request without a body as empty', async () => {
    expect(await exchange(server.port, head(''))).toContain('read 0');
  });

  it('refuses a declared length over the limit before a byte of the body arrives', async () => {
    // Only the head is sent: an answer means it did not wait for the body.
    const answer = await exchange(server.port, head(`Content-Length: ${MAX_READ_BYTES + 1}\r\n`));

    expect(answer).toContain('refused');
  });

  it('reads a streamed body up to the limit whole', async () => {
    const answer = await exchange(
      server.port,
      `${head('Transfer-Encoding: chunked\r\n')}${chunked(MAX_READ_BYTES - 1, 1)}`,
    );

    expect(answer).toContain(`read ${MAX_READ_BYTES}`);
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const answer = await exchange(
      server.port,
      `${head('Transfer-Encoding: chunked\r\n')}${chunked(MAX_READ_BYTES, 1)}`,
    );

    expect(answer).toContain('refused');
  });
});
