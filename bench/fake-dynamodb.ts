/**
 * A stand-in for DynamoDB's HTTP endpoint (JSON 1.0 protocol): enough to let a built bundle's real
 * SDK client sign, send and retry a GetItem without AWS. The cold-start profile points the shipped
 * Lambda at it, and test/build checks what the bundle sends. Not a database: every GetItem finds
 * the one item it was given.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeDynamoDb {
  /** http://127.0.0.1:<port>, for AWS_ENDPOINT_URL_DYNAMODB. */
  readonly url: string;
  readonly requests: readonly ReceivedRequest[];
  close(): Promise<void>;
}

export interface FakeDynamoDbOptions {
  /** The item every GetItem returns, in DynamoDB JSON (`{ id: { S: '…' } }`). */
  readonly item: Readonly<Record<string, unknown>>;
  /** How many requests to answer with ProvisionedThroughputExceededException before succeeding. */
  readonly throttleFirst?: number;
}

export async function startFakeDynamoDb(options: FakeDynamoDbOptions): Promise<FakeDynamoDb> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      requests.push({ target, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const throttled = requests.length <= (options.throttleFirst ?? 0);
      const [status, body] = throttled
        ? [
            400,
            {
              __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
              message: 'The level of configured provisioned throughput for the table was exceeded.',
            },
          ]
        : target.endsWith('.GetItem')
          ? [200, { Item: options.item }]
          : [
              400,
              { __type: 'com.amazon.coral.validate#ValidationException', message: `not faked: ${target}` },
            ];
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
