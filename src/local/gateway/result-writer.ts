/**
 * Puts a result in API Gateway's shape (the function's, or one the gateway gives itself) on the
 * wire: through Node's response object, or as raw bytes where Node has none.
 */
import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';

/** Writes the result as the response, unless a response was already sent or the client has gone. */
export function writeResult(response: ServerResponse, result: APIGatewayProxyResult): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    response.setHeader(name, values.map(String));
  response.statusCode = result.statusCode;
  response.end(result.isBase64Encoded === true ? Buffer.from(result.body, 'base64') : result.body);
}

/** A whole HTTP/1.1 response as bytes, for a connection Node has no response object for. */
export function rawResponse(result: APIGatewayProxyResult): string {
  const headers = Object.entries(result.headers ?? {}).map(
    ([name, value]) => `${name}: ${String(value)}\r\n`,
  );
  return `HTTP/1.1 ${result.statusCode} ${STATUS_CODES[result.statusCode] ?? ''}\r\n${headers.join('')}content-length: ${Buffer.byteLength(result.body)}\r\nconnection: close\r\n\r\n${result.body}`;
}
