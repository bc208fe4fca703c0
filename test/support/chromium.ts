/**
 * Debian's Chromium for the browser tests, driven by playwright-core (which downloads no browser).
 * One place for its path, its flags (this machine's closed network refuses Chromium's background
 * connections) and what a missing browser means: skipped with a warning on a developer's machine,
 * a failure in CI, where .ci/ensure-chromium.sh installs it.
 */
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const installed = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI !== undefined && process.env.CI !== '';
if (!installed && inCi) {
  throw new Error(`${CHROMIUM_PATH} is missing: CI must install Debian's chromium (.ci/ensure-chromium.sh)`);
}

/** `describe` where Chromium is installed; elsewhere the suite is skipped, saying why. */
export function describeWithChromium(name: string, suite: () => void): void {
  if (installed) {
    describe(name, suite);
    return;
  }
  console.warn(
    `${name}: skipped, ${CHROMIUM_PATH} is missing (apt-get install chromium, or .ci/ensure-chromium.sh)`,
  );
  // biome-ignore lint/suspicious/noSkippedTests: only without the browser outside CI, and said above.
  describe.skip(name, suite);
}

/** A headless Chromium with a fresh profile in `userDataDir`; close it in the test's cleanup. */
export function launchChromium(
  userDataDir: string,
  viewport: { readonly width: number; readonly height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport,
  });
}
