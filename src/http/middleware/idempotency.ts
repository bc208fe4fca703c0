/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header-06, as Stripe practises it) for every
 * operation whose spec declares the header parameter: the key and a fingerprint of the request go
 * to the domain, which stores them atomically with what the request creates; a replayed answer
 * gets `Idempotent-Replayed: true`. The spec's pattern has already checked the header's form.
 */
import { createHash } from 'node:crypto';
import { keyedWriteId } from '../../writes/write-request';
import type { OperationMiddleware } from './chain';

/** The header, lower case as requests carry it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export function idempotencyMiddleware(): OperationMiddleware {
  return async (call, next) => {
    const header = call.request.headers[IDEMPOTENCY_KEY_HEADER];
    // A blank value is no key, as the spec says (HTTP strips a field value's whitespace).
    if (header === undefined || header.trim() === '' || !call.headerNames.has(IDEMPOTENCY_KEY_HEADER)) {
      return next(call);
    }
    const idempotency = {
      scope: call.operationId,
      keyDigest: idempotencyKeyDigest(header),
      fingerprint: requestFingerprint(call.operationId, call.request.body),
    };
    // Every retry of this request under its key is one write: creates claim the key in a record,
    // other writes carry it as their write marker (src/storage/dynamodb/write-marker.ts).
    const write = { writeId: keyedWriteId(idempotency), idempotency };
    const result = await next({ ...call, request: { ...call.request, write } });
    if (result.replayed !== true) return result;
    return { ...result, headers: { ...result.headers, 'Idempotent-Replayed': 'true' } };
  };
}

/**
 * The key a header carries: the draft's Structured Field string (`"abc"`, with `\"` and `\\`
 * escapes) or, as many clients send it, the bare value. `"abc"` and `abc` are the same key.
 */
export function idempotencyKey(header: string): string {
  const value = header.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  return value;
}

/** What is stored of a key: its digest, so keys (which clients may build from private data) are never kept. */
export function idempotencyKeyDigest(header: string): string {
  return sha256(idempotencyKey(header));
}

/** What makes two requests "the same request": the operation and the validated body, canonically. */
export function requestFingerprint(operationId: string, body: unknown): string {
  return sha256(`${operationId}\n${canonicalJson(body)}`);
}

/** JSON with object keys sorted at every level, so `{"a":1,"b":2}` and `{"b":2,"a":1}` agree. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
