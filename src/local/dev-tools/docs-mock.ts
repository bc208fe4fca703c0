/**
 * `npm run mock [-- --port 4010]`: Prism's mock of openapi.yaml on `--port` (or MOCK_PORT,
 * default 4010), and the same interactive docs as `npm start` on the next port, with "Try it out"
 * calling the mock. Ctrl-C stops both.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import spec from '../../../generated/openapi.json';
import { spawnGuarded } from '../engines/guarded-process';
import { docsRoutes, specJsonText } from './docs';

const ROOT = path.resolve(__dirname, '../..');
const PRISM = require.resolve('@stoplight/prism-cli/dist/index.js');

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? process.env.MOCK_PORT ?? 4010);
  const docsPort = Number(option('docs-port') ?? port + 1);
  const host = '127.0.0.1';
  if (!Number.isInteger(port) || !Number.isInteger(docsPort)) throw new Error('--port must be a number');
  const mockUrl = `http://${host}:${port}`;
  const prism = spawnGuarded(
    process.execPath,
    [PRISM, 'mock', 'openapi.yaml', '--host', host, '--port', String(port)],
    {
      cwd: ROOT,
    },
  );
  prism.child.stdout?.pipe(process.stdout);
  prism.child.stderr?.pipe(process.stderr);
  const routes = docsRoutes({
    specJson: specJsonText(spec),
    specYaml: await readFile(path.join(ROOT, 'openapi.yaml'), 'utf8'),
    serverUrl: mockUrl,
  });
  const docs = createServer((request, response) => {
    if (!routes(request, response)) {
      response.writeHead(302, { location: '/docs/' });
      response.end();
    }
  });
  docs.once('error', async (error) => {
    console.error(
      `Docs port ${docsPort} is unavailable (${error.message}): choose another with --docs-port.`,
    );
    await prism.stop();
    process.exit(1);
  });
  docs.listen(docsPort, host, () => {
    console.log(`Docs for the mock: http://${host}:${docsPort}/docs/ (Try it out calls ${mockUrl})`);
  });
  prism.child.once('exit', (code) => {
    docs.close();
    process.exit(code ?? 1);
  });
  const stop = async () => {
    docs.close();
    await prism.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
