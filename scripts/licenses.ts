/**
 * The licences of what a bundle ships: every npm package esbuild put into it, with its version and
 * the licence its package.json declares, written beside the bundle (dist/lambda/licenses.txt) so
 * a release can be checked without the source tree.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metafile } from 'esbuild';

/** `node_modules/@scope/name/…` or `node_modules/name/…` → the package's directory, the innermost. */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;

export interface ShippedPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
}

export function shippedPackages(metafile: Metafile, root: string): ShippedPackage[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = PACKAGE_DIR.exec(input)?.[1];
    if (dir !== undefined) dirs.add(dir);
  }
  const byName = new Map<string, ShippedPackage>();
  for (const dir of dirs) {
    const manifest: unknown = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const { name, version, license } = manifest as { name?: unknown; version?: unknown; license?: unknown };
    const entry = {
      name: typeof name === 'string' ? name : dir,
      version: typeof version === 'string' ? version : 'unknown',
      license: typeof license === 'string' ? license : 'UNKNOWN',
    };
    byName.set(`${entry.name}@${entry.version}`, entry);
  }
  return [...byName.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

export async function writeLicenses(outdir: string, metafile: Metafile, root: string): Promise<void> {
  const lines = shippedPackages(metafile, root).map(
    ({ name, version, license }) => `${name}@${version} ${license}`,
  );
  await writeFile(path.join(outdir, 'licenses.txt'), `${lines.join('\n')}\n`);
}
