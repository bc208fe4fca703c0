/**
 * The interactive API reference, from the same spec: Swagger UI (swagger-ui-dist, served from
 * node_modules, no CDN) with our own small initializer, never the package's index.html (its
 * initializer loads the petstore demo). The validator badge is off (`validatorUrl: 'none'`), so
 * nothing leaves the machine. Used by `npm start` (/docs), `npm run mock` and `npm run docs`.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** The files of the page besides index.html, as named in swagger-ui-dist. */
export const DOCS_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
};

export function assetDirectory(): string {
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

export interface DocsPageOptions {
  /** Where the page fetches the spec, relative to the page. */
  readonly specUrl: string;
  /** The server "Try it out" calls; the page's own origin when undefined. */
  readonly serverUrl?: string;
  readonly title: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: Swagger UI over the spec, with its server set to `serverUrl` and how to get a token. */
export function docsPage({ specUrl, serverUrl, title }: DocsPageOptions): string {
  const settings = JSON.stringify({ specUrl, serverUrl: serverUrl ?? null }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" type="image/png" href="favicon-32x32.png">
  <link rel="stylesheet" href="swagger-ui.css">
  <style>
    body { margin: 0; font-family: system-ui, sans-serif; }
    .dev-token { margin: 0 auto; max-width: 1460px; padding: 12px 20px; box-sizing: border-box; background: #f0f7ff; border-bottom: 1px solid #c7dcf5; font-size: 14px; }
    .dev-token code { background: #fff; padding: 2px 6px; border: 1px solid #c7dcf5; border-radius: 3px; }
  </style>
</head>
<body>
  <div class="dev-token" id="dev-token">
    <strong>Try it out</strong> calls <span id="server-url"></span>. Get a dev token with
    <code>npm run --silent token -- alice</code>, press <em>Authorize</em> and paste it (without <code>Bearer</code>).
  </div>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script>
    const settings = ${settings};
    const serverUrl = settings.serverUrl ?? window.location.origin;
    document.getElementById('server-url').textContent = serverUrl;
    fetch(settings.specUrl)
      .then((response) => response.json())
      .then((spec) => {
        spec.servers = [{ url: serverUrl }];
        window.ui = SwaggerUIBundle({
          spec,
          dom_id: '#swagger-ui',
          validatorUrl: 'none',
          deepLinking: true,
          displayOperationId: true,
          displayRequestDuration: true,
        });
      });
  </script>
</body>
</html>
`;
}

export interface DocsRoutesOptions {
  /** The spec as JSON text and as the YAML it was written in. */
  readonly specJson: string;
  readonly specYaml: string;
  /** The server "Try it out" calls; the page's own origin when undefined. */
  readonly serverUrl?: string;
}

/**
 * Serves GET /docs/ (the page and its assets), /openapi.json and /openapi.yaml; answers false for
 * anything else, which then goes to the API. `/docs` redirects to `/docs/` so relative assets resolve.
 */
export function docsRoutes(
  options: DocsRoutesOptions,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const page = docsPage({
    specUrl: '../openapi.json',
    ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
    title: 'Items API reference',
  });
  const assets = new Set<string>(DOCS_ASSETS);
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (pathname === '/docs') {
      response.writeHead(308, { location: '/docs/' });
      response.end();
    } else if (pathname === '/docs/' || pathname === '/docs/index.html')
      send(CONTENT_TYPES['.html'] ?? '', page);
    else if (pathname === '/openapi.json') send(CONTENT_TYPES['.json'] ?? '', options.specJson);
    else if (pathname === '/openapi.yaml') send(CONTENT_TYPES['.yaml'] ?? '', options.specYaml);
    else if (pathname.startsWith('/docs/') && assets.has(pathname.slice('/docs/'.length))) {
      const name = pathname.slice('/docs/'.length);
      readFile(path.join(assetDirectory(), name)).then(
        (content) => send(CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', content),
        () => {
          response.writeHead(500);
          response.end();
        },
      );
    } else return false;
    return true;
  };
}

/** The spec's JSON for serving: generated/openapi.json without its generation note. */
export function specJsonText(spec: object): string {
  const { 'x-generated': _note, ...document } = spec as Record<string, unknown>;
  return `${JSON.stringify(document, null, 2)}\n`;
}
