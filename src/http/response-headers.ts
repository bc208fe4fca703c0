/**
 * Headers every answer of the API carries, successes and problems alike (OWASP REST Security
 * Cheat Sheet): nothing is cached (answers are per caller), nothing is sniffed as another type, and
 * the request id a caller quotes to support (a problem's `instance`).
 */
export function baseHeaders(requestId: string): Record<string, string> {
  return { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': requestId };
}
