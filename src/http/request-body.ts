import { parse as parseContentType } from 'content-type';
import {
  BodyTooLargeError,
  MalformedBodyError,
  RequestValidationError,
  UnsupportedMediaTypeError,
} from './errors';
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
  if (request.bodyUnreadable !== undefined) throw new MalformedBodyError(request.bodyUnreadable);
  if (acceptedMediaTypes.length === 0 || request.body === undefined || request.body === '') return undefined;
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most bodies need no byte count at all.
  if (request.body.length * 3 > MAX_BODY_BYTES && Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES) {
    throw new BodyTooLargeError(MAX_BODY_BYTES);
  }
  assertAccepted(request.headers['content-type'], acceptedMediaTypes);
  // A surrogate without its pair is no Unicode text, so the body was not UTF-8 on the wire.
  if (LONE_SURROGATE.test(request.body)) throw new MalformedBodyError('it is not UTF-8');
  try {
    return JSON.parse(request.body);
  } catch (error) {
    throw new MalformedBodyError(error instanceof Error ? error.message : 'unparseable');
  }
}

// With the u flag a surrogate pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function assertAccepted(header: string | undefined, accepted: readonly string[]): void {
  if (header === undefined) throw new UnsupportedMediaTypeError(undefined, accepted);
  // The header as nearly every client sends it needs no parsing: a bare accepted media type.
  if (accepted.includes(header)) return;
  let mediaType: string;
  let charset: string | undefined;
  try {
    const parsed = parseContentType(header);
    mediaType = parsed.type;
    charset = parsed.parameters.charset?.toLowerCase();
  } catch {
    // A media type has no top-level comma: this is several Content-Type lines joined (RFC 9110
    // §5.3), and which one to believe is not ours to guess.
    if (header.includes(',')) {
      throw new RequestValidationError([
        { parameter: 'Content-Type', detail: 'must be sent once, with a single media type' },
      ]);
    }
    throw new UnsupportedMediaTypeError(header, accepted);
  }
  // JSON is UTF-8 (RFC 8259); a body declared in another charset would be misread.
  if (!accepted.includes(mediaType) || (charset !== undefined && charset !== 'utf-8')) {
    throw new UnsupportedMediaTypeError(header, accepted);
  }
}
