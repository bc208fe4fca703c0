/**
 * `npm run docs [-- --out dist/docs --server-url https://api.example.com/prod]`: writes the
 * interactive reference as a static site, one folder (index.html, Swagger UI's assets, the spec as
 * JSON and YAML) that any static host can serve. "Try it out" calls `--server-url` (default
 * DOCS_SERVER_URL, else the spec's first server).
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import spec from '../generated/openapi.json';
import { assetDirectory, DOCS_ASSETS, docsPage, specJsonText } from '../src/local/dev-tools/docs';

const root = path.resolve(__dirname, '..');

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

export async function writeDocsSite(outDir: string, serverUrl: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(
    path.join(outDir, 'index.html'),
    docsPage({ specUrl: 'openapi.json', serverUrl, title: 'Items API reference' }),
  );
  for (const asset of DOCS_ASSETS)
    await copyFile(path.join(assetDirectory(), asset), path.join(outDir, asset));
  await writeFile(path.join(outDir, 'openapi.json'), specJsonText(spec));
  await writeFile(path.join(outDir, 'openapi.yaml'), await readFile(path.join(root, 'openapi.yaml'), 'utf8'));
}

if (require.main === module) {
  const outDir = path.resolve(option('out') ?? path.join(root, 'dist/docs'));
  const serverUrl = option('server-url') ?? process.env.DOCS_SERVER_URL ?? spec.servers[0]?.url ?? '/';
  writeDocsSite(outDir, serverUrl).then(
    () => console.log(`wrote ${path.relative(process.cwd(), outDir)}/ (Try it out calls ${serverUrl})`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
