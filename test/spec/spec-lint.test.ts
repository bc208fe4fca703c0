import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const REDOCLY = require.resolve('@redocly/cli/bin/cli.js');

function lint(file: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [REDOCLY, 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format=stylish'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// `npm run lint:spec` passes on openapi.yaml in CI; this shows our own rules can fail at all.
describe('spec lint rules (redocly.yaml)', () => {
  let dir: string;
  let spec: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'items-api-lint-'));
    spec = await readFile(path.join(ROOT, 'openapi.yaml'), 'utf8');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [
      'a 3.1 document',
      (text: string) => text.replace('openapi: 3.0.3', 'openapi: 3.1.0'),
      'rule/openapi-3-0',
    ],
    [
      'a body without examples',
      (text: string) =>
        text.replace(/ {12}examples:\n {14}minimal:/, '            x-examples:\n              minimal:'),
      'rule/body-examples',
    ],
    [
      'an operation without a summary',
      (text: string) => text.replace('      summary: Create an item\n', ''),
      'operation-summary',
    ],
    [
      'an example that breaks its schema',
      (text: string) =>
        text.replace(
          '                  name: Quarterly report\n              full:',
          '                  name: 42\n              full:',
        ),
      'no-invalid-media-type-examples',
    ],
  ])(
    'fails %s',
    async (_case, change, rule) => {
      // Prepare
      const file = path.join(dir, `${rule.replace('/', '-')}.yaml`);
      const changed = change(spec);
      expect(changed).not.toBe(spec);
      await writeFile(file, changed);

      // Act
      const result = lint(file);

      // Assess
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(rule);
    },
    30_000,
  );
});
