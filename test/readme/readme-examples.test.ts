/**
 * The shell examples of the README and the guides in docs/, run as written against a real
 * `npm start` (src/local/main.ts on a free port, its own data dir), so they stay true. A block runs
 * when the line before its ```sh fence is `<!-- readme-test -->`; it gets BASE (the server's URL)
 * and DATA_DIR (so `npm run token` signs for this server) and runs under `bash -euo pipefail` from
 * the repository's root.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/local/engines/free-port';
import { startLocalServer, stopLocalServer } from '../support/local-server';
import { fencedBlocks, guidePaths, ROOT, readGuide } from './markdown';

/** Every block marked for running, in file order, named by file and line. */
const runnable = guidePaths().flatMap((file) =>
  fencedBlocks(readGuide(file))
    .filter((block) => block.mark?.kind === 'run')
    .map((block) => ({ name: `${file}:${block.line}`, file, lang: block.lang, body: block.body })),
);

/** What a block's output must show besides its exit status, for the flows whose output says it all. */
const EXPECTED_OUTPUT: Record<string, RegExp> = {
  // the tour ends with the delete's 204 and the 404 after it
  'README.md': /\n204\n404\n$/,
  // the media is ready, downloads as uploaded, then is deleted and gone
  'docs/clients.md': /^ready\ndownloaded the same bytes\n[\s\S]*\n204\n404\n$/,
};

describe('README and guide shell examples', () => {
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

  it('has the README tour marked for running, and every marked block is shell', () => {
    const tour = runnable.filter(({ file }) => file === 'README.md').map(({ body }) => body);
    expect(tour.join('\n')).toMatch(/nextToken[\s\S]*-X PUT[\s\S]*-X PATCH[\s\S]*If-Match[\s\S]*-X DELETE/);
    expect(runnable.filter(({ lang }) => lang !== 'sh')).toEqual([]);
  });

  it.each(runnable)(
    'runs $name as written',
    async ({ file, body }) => {
      // Act
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', body], {
        cwd: ROOT,
        env: { ...process.env, BASE: base, DATA_DIR: dataDir },
        timeout: 60_000,
      });

      // Assess: it exited 0 (execFile rejects otherwise), and says what its flow promises
      expect(stdout).toMatch(EXPECTED_OUTPUT[file] ?? /[\s\S]*/);
    },
    90_000,
  );
});
