/**
 * The browser test (issue 12): a page on another localhost origin, in headless Chromium, picks a
 * generated PNG, announces it to the API, PUTs it to the local S3 through the presigned URL (both
 * cross-origin, so CORS on the API and on the bucket is what is tested), waits for `ready` and
 * shows it from the download URL. MEDIA_SCREENSHOT=1 writes docs/images/media-upload.png.
 *
 * Needs Debian's chromium (/usr/bin/chromium): skipped without it, except in CI, where it fails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import spec from '../../generated/openapi.json';
import { composeApp } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import { toProxyHandler } from '../../src/gateway-events/rest-api-v1';
import { ephemeralIdentity } from '../../src/local/dev-tools/identity';
import { startGateway } from '../../src/local/gateway/server';
import { methodsByTemplate } from '../../src/spec/openapi-document';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { solidPng } from '../support/png';
import { createTestTable } from '../support/table';

describeWithChromium('media upload from a browser page on another origin', () => {
  let page: Server;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let pageUrl: string;

  beforeAll(async () => {
    const html = await readFile(path.join(__dirname, 'media-upload-page.html'));
    page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const pageOrigin = `http://localhost:${(page.address() as AddressInfo).port}`;
    const tableName = await createTestTable();
    const config = loadConfig({ ...process.env, TABLE_NAME: tableName, CORS_ALLOWED_ORIGINS: pageOrigin });
    const identity = await ephemeralIdentity();
    gateway = await startGateway({
      handler: toProxyHandler(composeApp(config)),
      resources: methodsByTemplate(spec),
      cors: { origins: [pageOrigin] },
      authorizer: identity.verify,
      port: 0,
    });
    const token = await identity.issue('browser-user');
    pageUrl = `${pageOrigin}/?${new URLSearchParams({ api: gateway.url, token })}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => page?.close(resolve));
  });

  it('uploads a generated PNG through the presigned URL and shows it from the download URL', async () => {
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'chromium-profile-'));
    const browser = await launchChromium(userDataDir, { width: 760, height: 620 });
    try {
      const tab = await browser.newPage();
      const failures: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') failures.push(message.text());
      });
      await tab.goto(pageUrl);
      await tab.setInputFiles('#file', {
        name: 'sunrise.png',
        mimeType: 'image/png',
        buffer: gradientPng(),
      });
      await tab.waitForSelector('body[data-done]', { timeout: 20000 });

      const done = await tab.getAttribute('body', 'data-done');
      const steps = await tab.locator('#steps li').allTextContents();
      // Runs in the page; the project's lib has no DOM types, so the width is read by name.
      const shown = await tab.$eval('#preview', (image) =>
        'naturalWidth' in image ? Number(image.naturalWidth) : 0,
      );
      const screenshot = process.env.MEDIA_SCREENSHOT === '1';
      await tab.screenshot({
        path: screenshot
          ? path.join(__dirname, '../../docs/images/media-upload.png')
          : path.join(userDataDir, 'media-upload.png'),
      });

      expect({ done, failures }).toEqual({ done: 'ok', failures: [] });
      expect(steps.some((text) => text.startsWith('PUT to S3: 200'))).toBe(true);
      expect(shown).toBe(160);
    } finally {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});

/** The picture the page uploads: 160×90, one orange, generated. */
function gradientPng(): Buffer {
  return solidPng(160, 90, [255, 153, 51]);
}
