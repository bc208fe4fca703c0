/**
 * The package as a client team gets it: `npm pack ./clients/typescript` (its prepack builds dist/),
 * the tarball installed into an empty project, a strict consumer type-checked with tsc (and one
 * with a body field the spec does not have, which must not compile), then run against `npm start`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type LocalApi, startLocalApi } from '../../support/local-api';

const ROOT = path.resolve(__dirname, '../../..');
const TSC = require.resolve('typescript/bin/tsc');
const run = promisify(execFile);

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    types: [],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    outDir: 'out',
  },
};

const CONSUMER = `import { createItemsApi, ProblemError, type Item } from 'items-api-client';

declare const process: { env: Record<string, string | undefined> };

const api = createItemsApi({ baseUrl: process.env.BASE ?? '', token: async () => process.env.TOKEN });
const item: Item = await api.createItem({ body: { name: 'From a consumer' } });
const patched = await api.updateItem({ itemId: item.id, ifMatch: item, body: { status: 'archived' } });
const { response } = await api.getItem({ itemId: item.id }).withResponse();
const names: string[] = [];
for await (const each of api.listItems({ limit: 1 })) names.push(each.name);
await api.deleteItem({ itemId: item.id, ifMatch: patched });
const gone = await api.getItem({ itemId: item.id }).then(
  () => 'still there',
  (error: unknown) => (error instanceof ProblemError ? error.type : String(error)),
);
console.log(JSON.stringify({ version: patched.version, status: response.status, names, gone }));
`;

const WRONG_BODY = `import { createItemsApi } from 'items-api-client';

export const created = createItemsApi({ baseUrl: 'http://localhost:3000' }).createItem({
  body: { name: 'x', colour: 'red' },
});
`;

describe('the packed SDK in an empty project', () => {
  let server: LocalApi | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    server = await startLocalApi();
    dir = await mkdtemp(path.join(tmpdir(), 'items-api-consumer-'));
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('packs, installs, type-checks strictly, refuses a wrong body field and runs', async () => {
    // Prepare
    if (server === undefined || dir === undefined) throw new Error('set-up failed');
    const project = dir;
    await run('npm', ['pack', './clients/typescript', '--pack-destination', project, '--silent'], {
      cwd: ROOT,
    });
    const tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'));
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run('npm', ['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: project,
    });
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ ...TSCONFIG, files: ['consumer.ts'] }),
    );
    await writeFile(
      path.join(project, 'tsconfig.wrong.json'),
      JSON.stringify({
        ...TSCONFIG,
        files: ['wrong-body.ts'],
        compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true },
      }),
    );
    await writeFile(path.join(project, 'consumer.ts'), CONSUMER);
    await writeFile(path.join(project, 'wrong-body.ts'), WRONG_BODY);

    // Act
    const compiled = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project });
    const refused = await run(process.execPath, [TSC, '-p', 'tsconfig.wrong.json'], { cwd: project }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const ran = await run(process.execPath, ['out/consumer.js'], {
      cwd: project,
      env: { ...process.env, BASE: server.url, TOKEN: await server.token('consumer') },
    });

    // Assess
    expect(tarball).toMatch(/^items-api-client-\d+\.\d+\.\d+\.tgz$/);
    expect(compiled.stdout).toBe('');
    expect(refused).toMatch(/wrong-body\.ts.*error TS2353.*'colour'/);
    expect(JSON.parse(ran.stdout)).toEqual({
      version: 2,
      status: 200,
      names: ['From a consumer'],
      gone: '/problems/not-found',
    });
  }, 120_000);
});
