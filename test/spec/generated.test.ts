import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('generated/', () => {
  it('matches a fresh generation from openapi.yaml', () => {
    // Run as `npm run check:generated` does: openapi-typescript is ESM-only inside, which jest's module system cannot load.
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/generate.ts', '--check'],
      {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      },
    );

    expect(`${result.stderr}${result.stdout}`.trim()).toBe('generated/ is up to date with openapi.yaml');
    expect(result.status).toBe(0);
  });
});
