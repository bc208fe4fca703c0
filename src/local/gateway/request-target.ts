/**
 * Where a request goes within the API: its target as a URL, and that URL with the mount's prefix
 * (stage or base path) taken off, as API Gateway resolves both before anything else.
 */

/** The request target as a URL, or undefined when it is none (`//:99999/items`). */
export function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/** The URL within the API, or undefined when the path is outside the mount's prefix. */
export function withinMount(url: URL, prefix: string): URL | undefined {
  if (prefix === '') return url;
  const { pathname } = url;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  const inner = new URL(url);
  inner.pathname = pathname.slice(prefix.length) || '/';
  return inner;
}
