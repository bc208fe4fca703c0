/**
 * The README's shell examples, run as written against a real `npm start` (src/local/main.ts on a
 * free port, its own data dir), so they stay true. A block runs when the line before its ```sh
 * fence is `<!-- readme-test -->`; it gets BASE (the server's URL) and DATA_DIR (so `npm run token`
 * signs for this server) and runs under `bash -euo pipefail`.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/local/engines/free-port';
import { startLocalServer, stopLocalServer } from '../support/local-server';

const ROOT = path.resolve(__dirname, '../..');
const MARKER = '<!-- readme-test -->';

/** Every ```sh block marked for testing, in README order. */
function markedShellBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp(`${MARKER}\\n\`\`\`sh\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  for (const match of markdown.matchAll(pattern)) if (match[1] !== undefined) blocks.push(match[1]);
  return blocks;
}

describe('README shell examples', () => {
  const blocks = markedShellBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  let dataDir: string;
  let server: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'items-api-readme-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = (await startLocalServer({ PORT: String(port), DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '' })).child;
  }, 90_000);

  afterAll(async () => {
    // Whatever happened, stop the server (SIGINT stops its engine too), then clean up.
    await stopLocalServer(server);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('has the curl flow marked for testing', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.join('\n')).toMatch(/nextToken[\s\S]*-X PUT[\s\S]*-X PATCH[\s\S]*If-Match[\s\S]*-X DELETE/);
  });

  it('runs each marked block as written', async () => {
    for (const block of blocks) {
      // Act
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block], {
        cwd: ROOT,
        env: { ...process.env, BASE: base, DATA_DIR: dataDir },
        timeout: 60_000,
      });

      // Assess: the flow ends with the delete's 204 and the 404 after it
      expect(stdout).toMatch(/\n204\n404\n$/);
    }
  }, 90_000);
});
