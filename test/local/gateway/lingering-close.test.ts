import { refuseUnread } from '../../../src/local/gateway/lingering-close';
import { openConnection, startServer, type TestServer } from './node-requests';

const LINGER_MS = 100;

describe('refuseUnread', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Refuses every request before reading its body, as the gateway does for a body too large.
    server = await startServer((request, response) => {
      refuseUnread(request, response, LINGER_MS);
      response.end('refused');
    });
  });
  afterAll(() => server.close());
  const head = 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n';

  it(
    'lets the client read the refusal, then closes a connection whose body has not arrived after the linger',
    async () => {
      const connection = await openConnection(server.port);
      connection.write(`${head}${'x'.repeat(10)}`);

      await connection.receivedText('refused');
      const answeredAt = Date.now();
      // A connection that is never closed fails the test by its own timeout.
      await connection.closed;

      expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(LINGER_MS / 2);
    },
    LINGER_MS * 20,
  );

  it('drains the rest of a body that does arrive, and keeps the connection open for the next request', async () => {
    const connection = await openConnection(server.port);
    connection.write(`${head}${'x'.repeat(10)}`);
    await connection.receivedText('refused');

    connection.write('x'.repeat(90));
    await new Promise((resolve) => setTimeout(resolve, LINGER_MS * 2));
    const openAfterLinger = !connection.isClosed();
    connection.write(`GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    await connection.closed;

    expect(openAfterLinger).toBe(true);
    expect(connection.received().match(/refused/g)).toHaveLength(2);
  });
});
