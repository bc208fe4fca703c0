/** The layout's promises that no compiler checks: small files in src/, and no import that runs outward from the shared core. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');
const MAX_LINES = 250;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => path.relative(SRC, file));
const read = (file: string): string => readFileSync(path.join(SRC, file), 'utf8');

describe('src/ layout', () => {
  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => [file, read(file).split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);

    expect(long).toEqual([]);
  });

  // The shared core names no resource: a resource is its folder and a line in resources/index.ts.
  it.each(['http', 'storage', 'writes', 'paging', 'errors', 'gateway-events'])(
    'src/%s/ imports nothing from src/resources/ but the resource module types',
    (folder) => {
      const outward = files
        .filter((file) => file.startsWith(`${folder}/`))
        .filter((file) => /from '(\.\.\/)+resources\/(?!resource-module')/.test(read(file)));

      expect(outward).toEqual([]);
    },
  );
});
