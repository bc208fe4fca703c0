/**
 * The bundled SDK in headless Chromium (the project's helper, test/support/chromium.ts), on a page
 * of another origin than the API: it creates, lists, reads Retry-After from a 503 (the HTTP fault
 * proxy answers it, exposing the headers as the API's CORS does), is retried past one, and uploads
 * a file through the presigned URL, all against `npm start`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describeWithChromium, launchChromium } from '../../support/chromium';
import { type HttpFaultProxy, startHttpFaultProxy } from '../../support/http-fault-proxy';
import { type LocalApi, startLocalApi } from '../../support/local-api';
import { solidPng } from '../../support/png';

const SDK_ENTRY = path.resolve(__dirname, '../../../clients/typescript/src/index.ts');

describeWithChromium('the SDK in a browser page on another origin', () => {
  let server: LocalApi | undefined;
  let proxy: HttpFaultProxy | undefined;
  let page: Server | undefined;
  const png = solidPng(24, 16, [40, 90, 200]);

  beforeAll(async () => {
    server = await startLocalApi();
    proxy = await startHttpFaultProxy(server.url);
    const bundle = await build({
      entryPoints: [SDK_ENTRY],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    const files: Record<string, [string, string | Uint8Array]> = {
      '/': ['text/html; charset=utf-8', await readFile(path.join(__dirname, 'sdk-page.html'), 'utf8')],
      '/sdk.js': ['text/javascript', bundle.outputFiles[0]?.contents ?? ''],
      '/cover.png': ['image/png', png],
    };
    page = createServer((request, response) => {
      const file = files[new URL(request.url ?? '/', 'http://page').pathname];
      if (file === undefined) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    });
    await new Promise<void>((resolve) => page?.listen(0, '127.0.0.1', resolve));
  }, 90_000);

  afterAll(async () => {
    await new Promise((resolve) => (page === undefined ? resolve(undefined) : page.close(resolve)));
    await proxy?.close();
    await server?.stop();
  });

  it('creates, lists, reads Retry-After from a 503, is retried past one, and uploads a file', async () => {
    // Prepare
    if (server === undefined || proxy === undefined || page === undefined) throw new Error('set-up failed');
    const pageOrigin = `http://localhost:${(page.address() as AddressInfo).port}`;
    const url = `${pageOrigin}/?${new URLSearchParams({ api: proxy.url, token: await server.token('browser') })}`;
    proxy.inject({
      fault: 'unavailable',
      times: 2,
      matches: ({ method, url: target }) => method === 'GET' && /^\/items\/[^/?]+$/.test(target),
    });
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'chromium-sdk-'));
    const browser = await launchChromium(userDataDir, { width: 800, height: 600 });
    try {
      // Act
      const tab = await browser.newPage();
      await tab.goto(url);
      await tab.waitForSelector('body[data-done]', { timeout: 30_000 });
      const result: unknown = JSON.parse((await tab.textContent('#result')) ?? '{}');

      // Assess
      expect(result).toEqual({
        created: 'From a browser',
        listed: true,
        unavailable: { type: '/problems/service-unavailable', status: 503, retryAfter: 1 },
        retried: { attempts: 2, waitedMs: expect.any(Number) },
        media: { status: 'ready', size: png.length, contentType: 'image/png' },
        downloadedBytes: png.length,
      });
      // Retry-After: 1 was waited before the retry.
      expect(result).toMatchObject({ retried: { waitedMs: expect.any(Number) } });
      const waited = (result as { retried: { waitedMs: number } }).retried.waitedMs;
      expect(waited).toBeGreaterThanOrEqual(950);
      expect(proxy.counts.faults.unavailable).toBe(2);
    } finally {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
