/**
 * What every resource's writes share: the request's write id (so a retried write recognises its
 * own commit) and, when the client sent an Idempotency-Key, the claim stored atomically with what
 * the write creates (src/storage/dynamodb/idempotency-record.ts).
 */

/**
 * Identifies one client request's write, the same on every attempt at it (SDK retries, a second
 * invocation with the same request id): a retried write that finds its own id on the record
 * knows it already committed.
 */
export type WriteId = string;

/**
 * The write id of a request sent with an Idempotency-Key: the same for every retry a client makes
 * of it (new gateway request ids and all), so the write marker and transaction tokens recognise
 * the first attempt's commit. The key's part (operation and key) tells a reuse of the key with
 * another body apart (422). About 70 bytes: digests are cut to what stays collision-free.
 */
export function keyedWriteId({ scope, keyDigest, fingerprint }: IdempotentCreate): WriteId {
  return `key:${scope}:${keyDigest.slice(0, 32)}:${fingerprint.slice(0, 22)}`;
}

/** The key part of a keyed write id (all but the body's fingerprint); undefined for a request id. */
export function keyPrefixOf(writeId: WriteId): string | undefined {
  return writeId.startsWith('key:') ? writeId.slice(0, writeId.lastIndexOf(':') + 1) : undefined;
}

/** How long an idempotency key holds its first answer (draft-ietf-httpapi-idempotency-key-header: 24 h is common). */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** A client's idempotency key for one create, already reduced to digests by the middleware. */
export interface IdempotentCreate {
  /** The operation the key was sent to: the same key on another operation is another key. */
  readonly scope: string;
  readonly keyDigest: string;
  /** A digest of the operation and the request body. */
  readonly fingerprint: string;
}

/** What a write is: which request makes it (every retry of it the same), and its idempotency key if any. */
export interface WriteRequest {
  readonly writeId: WriteId;
  readonly idempotency?: IdempotentCreate | undefined;
}

/** A create made under a client's idempotency key: the key's record is written with it, atomically. */
export interface IdempotencyClaim extends IdempotentCreate {
  /** Epoch seconds after which the key is free again. */
  readonly expiresAt: number;
  /** Epoch seconds now: a record past its expiry counts as absent even before TTL deletes it. */
  readonly now: number;
}

/**
 * The claim a create makes under the request's key, or undefined without one. `within` narrows
 * the key's scope (a child's create: the same key and body under another parent is another request).
 */
export function idempotencyClaim(
  write: WriteRequest,
  now: Date,
  within?: string,
): IdempotencyClaim | undefined {
  if (write.idempotency === undefined) return undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return {
    ...write.idempotency,
    ...(within !== undefined && { scope: `${write.idempotency.scope}#${within}` }),
    now: nowSeconds,
    expiresAt: nowSeconds + IDEMPOTENCY_WINDOW_SECONDS,
  };
}
