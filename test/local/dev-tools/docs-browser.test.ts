/**
 * The docs page as a reader uses it, in headless Chromium (Debian's, driven by playwright-core,
 * which downloads no browser): against a real `npm start`, every operation of the spec is listed,
 * "Try it out" on listItems with a dev token answers 200, and every request the page made went to
 * 127.0.0.1. Skipped only where /usr/bin/chromium is missing outside CI; CI installs it
 * (.ci/ensure-chromium.sh). UPDATE_DOCS_SCREENSHOT=1 refreshes docs/images/docs-page.png.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { operations } from '../../../generated/routes';
import { freePort } from '../../../src/local/engines/free-port';
import { describeWithChromium, launchChromium } from '../../support/chromium';
import { startLocalServer, stopLocalServer } from '../../support/local-server';

const ROOT = path.resolve(__dirname, '../..');

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const { child } = await startLocalServer({ PORT: String(port), DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '' });
  return { child, url: `http://127.0.0.1:${port}` };
}

describeWithChromium('docs page in headless Chromium', () => {
  let dataDir: string;
  let server: { child: ChildProcess; url: string } | undefined;
  let context: BrowserContext | undefined;
  let profile: string;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = Date.now();
    dataDir = await mkdtemp(path.join(tmpdir(), 'items-api-docs-'));
    profile = await mkdtemp(path.join(tmpdir(), 'items-api-chromium-'));
    server = await startServer(dataDir);
    timings.serverStartMs = Date.now() - started;
  }, 90_000);

  afterAll(async () => {
    // Whatever happened, close the browser and stop the server.
    await context?.close().catch(() => {});
    await stopLocalServer(server?.child);
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
    console.log(`docs browser test timings: ${JSON.stringify(timings)}`);
  });

  it('lists every operation, runs Try it out on listItems with a token, and calls only 127.0.0.1', async () => {
    // Prepare
    const url = server?.url ?? '';
    const token = execFileSync('npm', ['run', '--silent', 'token', '--', 'alice'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    }).trim();
    let started = Date.now();
    context = await launchChromium(profile, { width: 1280, height: 900 });
    timings.browserLaunchMs = Date.now() - started;
    const page = context.pages()[0] ?? (await context.newPage());
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    // Act: load the page
    started = Date.now();
    await page.goto(`${url}/docs/`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    timings.pageToOperationsMs = Date.now() - started;
    const listed = await page.$$eval('.opblock', (blocks) => blocks.map((block) => block.id));

    // Assess: every operation of the spec
    const expected = operations.map(({ operationId }) => operationId).sort();
    expect(listed.map((id) => id.split('-').pop()).sort()).toEqual(expected);
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1')
      await page.screenshot({ path: path.join(ROOT, 'docs/images/docs-page.png') });

    // Act: authorize, then Try it out on listItems
    started = Date.now();
    await page.click('.auth-wrapper .authorize');
    await page.fill('.auth-container input', token);
    await page.click('.auth-btn-wrapper .authorize');
    await page.click('.btn-done');
    const listItems = page.locator('.opblock[id$="-listItems"]');
    await listItems.locator('.opblock-summary').click();
    await listItems.locator('.try-out__btn').click();
    // Swagger UI fills each parameter with the spec's example: nextToken has none (spec 2.2.1), so
    // the first page is asked for as written, with no token the server never issued.
    const nextToken = await listItems.locator('tr[data-param-name="nextToken"] input').inputValue();
    await listItems.locator('.execute').click();
    const status = listItems.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    timings.tryItOutMs = Date.now() - started;

    // Assess
    const body = await listItems
      .locator('.live-responses-table tr.response .response-col_description pre')
      .first()
      .textContent();
    const code = ((await status.textContent()) ?? '').trim();
    // The body is shown only when the status is wrong, to say why.
    expect(nextToken).toBe('');
    expect({ status: code, body: code === '200' ? '' : body }).toEqual({ status: '200', body: '' });
    expect(requested.length).toBeGreaterThan(0);
    const elsewhere = requested.filter((address) => new URL(address).hostname !== '127.0.0.1');
    expect(elsewhere).toEqual([]);
    expect(requested.some((address) => address.startsWith(`${url}/items?`))).toBe(true);
  }, 90_000);
});
