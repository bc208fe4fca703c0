/** The `If-Match` value for what a caller passes as `ifMatch`. */
import type { IfMatch } from './types.js';

/** An item or a version becomes its strong ETag (`"3"`); a string is sent as is (an ETag, a list, `*`), bare digits quoted. */
export function ifMatchHeader(value: IfMatch): string {
  if (typeof value === 'number') return `"${value}"`;
  if (typeof value === 'string') return /^\d+$/.test(value) ? `"${value}"` : value;
  return `"${value.version}"`;
}
