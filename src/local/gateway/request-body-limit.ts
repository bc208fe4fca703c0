/**
 * The body limit the local gateway enforces while it reads, so an oversized request is refused
 * without being held in memory.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../../http/request-body';

/** API Gateway's own payload limit; larger requests never reach the Lambda. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * Where the local gateway stops reading. The function refuses anything over its own limit with
 * this same 413, so reading (and holding) up to API Gateway's 10 MiB first would only cost memory.
 */
export const MAX_READ_BYTES = Math.min(GATEWAY_MAX_BODY_BYTES, MAX_BODY_BYTES);

/**
 * Reads the whole body, or returns undefined as soon as it passes the limit: a declared
 * Content-Length over it is refused before a byte is read, a streamed body when the count passes
 * it. Either way nothing past the limit is held.
 */
export function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_READ_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      request.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_READ_BYTES) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      resolve(undefined);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
