import { parse as parseContentType } from 'content-type';
import { BodyTooLargeError, MalformedBodyError, UnsupportedMediaTypeError } from './errors';
import type { HttpRequest } from './http-types';

/**
 * Largest body accepted. The biggest valid item body is a few KiB even with every character
 * \u-escaped; anything past this is rejected before it is parsed.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the JSON body of a request for an operation accepting `acceptedMediaTypes`.
 * Returns undefined when there is no body (validation decides whether one was required).
 */
export function readJsonBody(request: HttpRequest, acceptedMediaTypes: readonly string[]): unknown {
  if (acceptedMediaTypes.length === 0 || request.body === undefined || request.body === '') return undefined;
  if (Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) throw new BodyTooLargeError(MAX_BODY_BYTES);
  assertAccepted(request.headers['content-type'], acceptedMediaTypes);
  try {
    return JSON.parse(request.body);
  } catch (error) {
    throw new MalformedBodyError(error instanceof Error ? error.message : 'unparseable');
  }
}

function assertAccepted(header: string | undefined, accepted: readonly string[]): void {
  if (header === undefined) throw new UnsupportedMediaTypeError(undefined, accepted);
  let mediaType: string;
  let charset: string | undefined;
  try {
    const parsed = parseContentType(header);
    mediaType = parsed.type;
    charset = parsed.parameters.charset?.toLowerCase();
  } catch {
    throw new UnsupportedMediaTypeError(header, accepted);
  }
  // JSON is UTF-8 (RFC 8259); a body declared in another charset would be misread.
  if (!accepted.includes(mediaType) || (charset !== undefined && charset !== 'utf-8')) {
    throw new UnsupportedMediaTypeError(header, accepted);
  }
}
