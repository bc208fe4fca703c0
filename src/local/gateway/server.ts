/**
 * The local stand-in for API Gateway: turns each HTTP request into the REST API proxy event
 * (payload v1) that the deployed gateway sends, calls the same Lambda handler, and writes its
 * result back. There is no second implementation of the API. With `payloadFormat: '2.0'` it
 * stands in for an HTTP API instead (./http-api-event.ts). This file holds the server and its
 * connections; ./dispatch.ts takes each request through.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pathMatcher } from '../../http/router';
import { dispatch } from './dispatch';
import { gatewayProblem } from './gateway-answers';
import type { GatewayOptions } from './gateway-options';
import { rawResponse, writeResult } from './result-writer';
import { nodeServerTimeouts, timeoutsOrDefaults } from './timeouts';

export interface RunningGateway {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the local gateway in front of `options.handler`, listening once it resolves. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const match = pathMatcher(Object.keys(options.resources));
  const timeouts = timeoutsOrDefaults(options.timeouts);
  // The response in progress on each connection, so a timeout never writes over one.
  const inFlight = new WeakMap<Socket, ServerResponse>();
  const server = createServer(nodeServerTimeouts(timeouts), (request, response) => {
    if (options.extraRoutes?.(request, response) === true) return;
    inFlight.set(request.socket, response);
    // Until its body has arrived too: a refusal sent early must not be followed by a 408.
    response.once('finish', () => {
      if (request.complete) inFlight.delete(request.socket);
      else request.once('end', () => inFlight.delete(request.socket));
    });
    dispatch(request, response, options, match, timeouts.integrationMs).catch((error: unknown) => {
      // A request cut off while its body was arriving has nobody left to answer.
      if (request.socket.destroyed) return;
      console.error(
        JSON.stringify({ level: 'error', message: 'local gateway failed', error: String(error) }),
      );
      writeResult(response, gatewayProblem(request.headers.origin, options.cors, 'bad-gateway'));
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const answering = inFlight.get(socket);
    if (socket.writable && error.code !== 'ECONNRESET' && answering?.headersSent !== true) {
      // Too slow (Node's request or headers timeout) or not HTTP at all: answered as problem+json
      // straight onto the socket, since Node has no response object for a request it could not read.
      const name = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request-timeout' : 'bad-request';
      socket.end(rawResponse(gatewayProblem(undefined, options.cors, name)));
    }
    socket.destroy();
  });
  await listen(server, options.port, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
