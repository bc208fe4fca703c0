/**
 * How long the local gateway waits, and what it answers when a wait runs out: Node's own request
 * and headers timeouts (408, see ./server.ts) and API Gateway's integration timeout (504).
 */
import type { ServerOptions } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';

/** How long the gateway waits, in milliseconds; API Gateway's integration timeout is 29 s. */
export interface GatewayTimeouts {
  /** For the request line and headers to arrive (Node's headersTimeout). */
  readonly headersMs?: number;
  /** For the whole request, body included (Node's requestTimeout): then 408 and the connection closes. */
  readonly requestMs?: number;
  /** For the function to answer: then 504, as API Gateway answers. */
  readonly integrationMs?: number;
}

const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 29_000, integrationMs: 29_000 } as const;

/** The given timeouts, API Gateway's (and a 10 s headers timeout) where none is given. */
export function timeoutsOrDefaults(timeouts: GatewayTimeouts | undefined): Required<GatewayTimeouts> {
  return { ...DEFAULT_TIMEOUTS, ...timeouts };
}

/** The options that make Node's HTTP server enforce the request and headers timeouts. */
export function nodeServerTimeouts(
  timeouts: Pick<Required<GatewayTimeouts>, 'headersMs' | 'requestMs'>,
): Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'> {
  const { requestMs } = timeouts;
  return {
    requestTimeout: requestMs,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(timeouts.headersMs, requestMs),
    // How often Node looks for expired requests (30 s by default, longer than the timeouts).
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestMs / 4))),
  };
}

/** The function's answer, or `timedOut()`'s when it takes longer than `ms`, as API Gateway gives up. */
export function withinIntegrationTimeout(
  answer: Promise<APIGatewayProxyResult>,
  ms: number,
  timedOut: () => APIGatewayProxyResult,
): Promise<APIGatewayProxyResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<APIGatewayProxyResult>((resolve) => {
    timer = setTimeout(() => resolve(timedOut()), ms);
  });
  return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
}
