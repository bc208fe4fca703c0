/** The SDK package's manifest: its version is the spec's, and it ships ESM with types and nothing else to install. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { specVersion } from '../../../clients/typescript/src';

const PACKAGE = path.resolve(__dirname, '../../../clients/typescript');
const manifest: unknown = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
const spec: unknown = parse(readFileSync(path.resolve(__dirname, '../../../openapi.yaml'), 'utf8'));

describe('clients/typescript/package.json', () => {
  it('has the version of openapi.yaml, which the generated code was made from', () => {
    expect(manifest).toMatchObject({
      name: 'items-api-client',
      version: (spec as { info: { version: string } }).info.version,
    });
    expect(specVersion).toBe((spec as { info: { version: string } }).info.version);
  });

  it('is ESM with its types, built before packing, with no runtime dependency', () => {
    expect(manifest).toMatchObject({
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
      files: expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']),
      scripts: { prepack: expect.any(String) },
    });
    expect(manifest).not.toHaveProperty('dependencies');
  });
});
