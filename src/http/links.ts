/**
 * References to the API's own resources, as `Location` and any other link the API returns carries
 * them (openapi.yaml: components.headers.Location): absolute-path references that include the
 * request's base path, so they resolve from the request URL on every deployment shape.
 */

/**
 * `/<base path>/<segments…>`, each segment percent-encoded: `apiReference('/dev', 'items', id)` is
 * `/dev/items/<id>`. `basePath` is the request's (HttpRequest.basePath, '' when it has none).
 */
export function apiReference(basePath: string, ...segments: readonly string[]): string {
  let reference = basePath;
  for (const segment of segments) reference += `/${encodeURIComponent(segment)}`;
  return reference === '' ? '/' : reference;
}
