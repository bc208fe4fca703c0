/**
 * `Content-Disposition: attachment` naming a file (RFC 6266), safe for any name: an ASCII
 * `filename` fallback with quotes, backslashes and non-ASCII replaced, and, when the name is not
 * plain ASCII, the exact name in RFC 5987's `filename*=UTF-8''…` form, which browsers prefer.
 */
export function attachmentDisposition(fileName: string | undefined): string {
  if (fileName === undefined) return 'attachment';
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const plain = `attachment; filename="${fallback}"`;
  return fallback === fileName ? plain : `${plain}; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8 except attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
