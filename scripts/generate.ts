/**
 * Derives everything in generated/ from openapi.yaml.
 * `--check` regenerates in memory and fails if generated/ is stale, so CI catches a spec edit
 * that was not followed by `npm run generate` (or a hand edit of a generated file).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { parse } from 'yaml';
import { clientSdkFiles } from './client-sdk';
import { standaloneSources } from './request-router/compile';
import { responseTableSource, responseValidatorsSource } from './response-validators';

const root = path.resolve(__dirname, '..');
const specPath = path.join(root, 'openapi.yaml');
const outDir = path.join(root, 'generated');

const JSON_HEADER_NOTE = 'Generated from openapi.yaml by `npm run generate`. Do not edit.';

/** The contents every file in generated/ should have, from the current openapi.yaml. */
export async function render(): Promise<Map<string, string>> {
  const specText = await readFile(specPath, 'utf8');
  const ast = await openapiTS(specText, { defaultNonNullable: false, alphabetize: false });
  const spec: unknown = parse(specText);
  const specJson = `${JSON.stringify({ 'x-generated': JSON_HEADER_NOTE, ...(spec as object) }, null, 2)}\n`;
  const router = standaloneSources(spec);
  const jsHeader = `// ${JSON_HEADER_NOTE}\n`;
  const types = `${COMMENT_HEADER}${astToString(ast)}`;
  const validatorTypes = (what: string) =>
    `// ${JSON_HEADER_NOTE}\n// ${what}, by operationId, compiled ahead of time with ajv (standalone code).\nimport type { Validator } from '../src/http/router';\n\ndeclare const validators: Readonly<Record<string, Validator>>;\nexport = validators;\n`;
  return new Map([
    ['openapi.d.ts', types],
    ['openapi.json', specJson],
    [
      'routes.ts',
      `// ${JSON_HEADER_NOTE}\nimport type { OperationRoute } from '../src/http/router';\n\nexport const operations: readonly OperationRoute[] = ${router.routes};\n`,
    ],
    ['params-validators.js', `${jsHeader}${router.params}\n`],
    [
      'params-validators.d.ts',
      validatorTypes('Request parameter validators: { path, query, header }, coercing and defaulting'),
    ],
    ['body-validators.js', `${jsHeader}${router.bodies}\n`],
    ['body-validators.d.ts', validatorTypes('Request body validators: { requestBody }')],
    // Plain CommonJS with its types beside it, like the validators: required at run time by code that
    // also runs untranspiled (jest's globalSetup loads src/ through Node's own require).
    ['response-table.js', `${jsHeader}${responseTableSource(spec)}`],
    [
      'response-table.d.ts',
      `// ${JSON_HEADER_NOTE}\nimport type { ResponseTable } from '../src/http/middleware/response-validation';\n\nexport declare const responses: ResponseTable;\n`,
    ],
    ['response-validators.js', `${jsHeader}${responseValidatorsSource(spec)}\n`],
    [
      'response-validators.d.ts',
      validatorTypes('Response body validators, by schema key (generated/response-table.js)'),
    ],
    // The client SDK's generated half, in its own package (clients/typescript/src/generated/).
    ...clientSdkFiles(spec, types),
  ]);
}

/** Files in generated/ that differ from a fresh generation. */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, contents] of await render()) {
    const current = await readFile(path.join(outDir, name), 'utf8').catch(() => '');
    if (current !== contents) stale.push(path.relative(root, path.join(outDir, name)));
  }
  return stale;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await render();
  const stale = check ? await staleFiles() : [];
  if (!check) {
    await mkdir(outDir, { recursive: true });
    for (const [name, contents] of files) {
      await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
      await writeFile(path.join(outDir, name), contents);
    }
  }
  if (stale.length > 0) {
    console.error(
      `${stale.join(', ')} differ from openapi.yaml; run \`npm run generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(
    check
      ? 'generated/ is up to date with openapi.yaml'
      : `wrote ${[...files.keys()].map((n) => path.relative(root, path.join(outDir, n))).join(', ')}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
