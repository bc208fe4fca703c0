/**
 * Real Node requests for testing the gateway's parts one at a time: a server that hands each
 * request to the part under test, and raw connections to it, so a body can stop halfway or a
 * header arrive twice exactly as sent.
 */
import { createServer, type RequestListener } from 'node:http';
import { connect } from 'node:net';

export interface TestServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A server on a free port that hands every request to `listener`. */
export async function startServer(listener: RequestListener): Promise<TestServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

export interface RawConnection {
  write(bytes: string | Buffer): void;
  /** What the server has sent so far, as text. */
  received(): string;
  /** Resolves once the server has sent something that contains `text`. */
  receivedText(text: string): Promise<void>;
  /** Resolves when the connection closes. */
  readonly closed: Promise<void>;
  isClosed(): boolean;
  destroy(): void;
}

/** An open TCP connection to the server, written to by hand. */
export async function openConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const chunks: Buffer[] = [];
  const received = () => Buffer.concat(chunks).toString('utf8');
  // A reset after the server's answer is one of the outcomes under test, not a failure of the helper.
  socket.on('error', () => {});
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    write: (bytes) => socket.write(bytes),
    received,
    receivedText: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!received().includes(text)) return;
          socket.off('data', check).off('close', gone);
          resolve();
        };
        const gone = () => reject(new Error(`closed before sending ${text}: ${received()}`));
        socket.on('data', check).once('close', gone);
        check();
      }),
    closed,
    isClosed: () => socket.destroyed,
    destroy: () => socket.destroy(),
  };
}

/** Writes a whole request (saying `Connection: close`) and returns all the server answered. */
export async function exchange(port: number, bytes: string | Buffer): Promise<string> {
  const connection = await openConnection(port);
  connection.write(bytes);
  await connection.closed;
  return connection.received();
}
