/**
 * What both gateway payload formats (REST v1, HTTP API v2) need when they turn wire data into the
 * neutral request: own-property records for names off the wire, and the body as text. One copy,
 * so the two entries cannot drift in how they guard against a `__proto__` name or a non-UTF-8 body.
 */

/**
 * Sets `record[name]` as an own property whatever the name: a name off the wire may be `__proto__`,
 * which a plain assignment would take as the prototype. (Records stay plain objects: V8 keeps
 * `Object.create(null)` objects in dictionary mode, which made every request measurably slower.)
 */
export function setOwn<T>(record: Record<string, T>, name: string, value: T): void {
  if (name === '__proto__') {
    Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true });
  } else {
    record[name] = value;
  }
}

/** `record[name]` if the record itself has it: `constructor` or `toString` are not Object.prototype's here. */
export function getOwn<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

// Fatal: a body that is not UTF-8 is refused, never read with U+FFFD in place of its bytes.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as text, or why it cannot be read as text (then the app answers 400). Both
 * members are always present, so every request object built from it has one shape (a spread of
 * one or the other member gave the hot path two).
 */
export interface DecodedBody {
  readonly body: string | undefined;
  readonly bodyUnreadable: string | undefined;
}

/** Decodes a gateway's body field; a base64 body (binary, or not UTF-8 on the wire) must decode as UTF-8. */
export function decodeBody(body: string | null | undefined, isBase64Encoded: boolean): DecodedBody {
  if (body === null || body === undefined) return { body: undefined, bodyUnreadable: undefined };
  if (!isBase64Encoded) return { body, bodyUnreadable: undefined };
  try {
    return { body: utf8.decode(Buffer.from(body, 'base64')), bodyUnreadable: undefined };
  } catch {
    return { body: undefined, bodyUnreadable: 'it is not UTF-8' };
  }
}
