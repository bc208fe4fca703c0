import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/local/engines/free-port';
import { startLocalServer } from '../support/local-server';

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = require.resolve('tsx/cli');

/** Starts `npm start`'s program and resolves with its output once it prints the URL. */
const start = (env: NodeJS.ProcessEnv) => startLocalServer(env, 45_000);

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** `npm run --silent token -- <subject>`, exactly as the README tells users to run it. */
function token(dataDir: string, subject: string): string {
  return execFileSync('npm', ['run', '--silent', 'token', '--', subject], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

function enginesUsing(dataDir: string): number {
  const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return processes.split('\n').filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(dataDir))
    .length;
}

describe('npm start (src/local/main.ts)', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'items-api-start-'));
  });
  afterAll(async () => {
    // Whatever happened above, leave nothing running.
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves on PORT, keeps data across a restart, and stops everything on SIGINT', async () => {
    // Prepare
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir };
    const first = await start(env);
    children.push(first.child);
    expect(first.output()).toContain(`http://localhost:${port}`);
    const authorization = `Bearer ${token(dataDir, 'alice')}`;
    const created = await fetch(`http://localhost:${port}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: '{"name":"survives restarts"}',
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location');

    // Act
    first.child.kill('SIGINT');
    const code = await exited(first.child);
    const second = await start(env);
    children.push(second.child);
    // Resolved against the request URL, as a client follows a Location.
    const itemUrl = new URL(location ?? '', `http://localhost:${port}/items`);
    const fetched = await fetch(itemUrl, { headers: { Authorization: authorization } });
    const anonymous = await fetch(itemUrl);
    second.child.kill('SIGTERM');
    await exited(second.child);

    // Assess
    expect(code).toBe(0);
    expect(fetched.status).toBe(200);
    expect(anonymous.status).toBe(401);
    expect(await fetched.json()).toMatchObject({ name: 'survives restarts' });
    expect(enginesUsing(dataDir)).toBe(0);
  }, 120_000);

  it('prints one line per request, and a taken port as one line naming PORT', async () => {
    // Prepare
    const port = await freePort();
    // The test run sets LOG_LEVEL=warn; npm start's default is info.
    const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const server = await start(env);
    children.push(server.child);

    // Act
    await fetch(`http://localhost:${port}/items`, {
      headers: { Authorization: `Bearer ${token(dataDir, 'carol')}` },
    });
    const taken = spawn(process.execPath, [TSX_CLI, 'src/local/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    children.push(taken);
    let stderr = '';
    taken.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await exited(taken);
    server.child.kill('SIGINT');
    await exited(server.child);

    // Assess: plain (not a terminal), one readable line for the request
    expect(server.output()).toMatch(/\d\d:\d\d:\d\d\.\d{3} GET +\/items 200 [\d.]+ms listItems req=[\w-]+\n/);
    expect(server.output()).not.toContain('\u001b[');
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} is already in use`);
    expect(stderr).toContain('PORT=');
    expect(stderr).not.toContain('EADDRINUSE');
  }, 120_000);

  it('stands in for the HTTP API with GATEWAY=http: the function verifies tokens, every error is problem+json', async () => {
    // Prepare
    const port = await freePort();
    const server = await start({ PORT: String(port), DATA_DIR: dataDir, GATEWAY: 'http' });
    children.push(server.child);
    const authorization = `Bearer ${token(dataDir, 'alice')}`;
    const base = `http://localhost:${port}`;

    // Act
    const created = await fetch(`${base}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: '{"name":"through the HTTP API"}',
    });
    const anonymous = await fetch(`${base}/items`);
    const unknown = await fetch(`${base}/nowhere`, { headers: { Authorization: authorization } });
    server.child.kill('SIGTERM');
    await exited(server.child);

    // Assess
    expect(server.output()).toContain('HTTP API, payload v2, tokens verified by the function');
    expect(created.status).toBe(201);
    expect([anonymous.status, anonymous.headers.get('content-type')]).toEqual([
      401,
      'application/problem+json',
    ]);
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
  }, 120_000);

  it('prints a token and nothing else for `npm run --silent token -- <subject>`', () => {
    const output = token(dataDir, 'bob');

    expect(output).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = JSON.parse(Buffer.from(output.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ sub: 'bob' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('says in one line that Java is missing, and exits non-zero', async () => {
    const child = spawn(process.execPath, [TSX_CLI, 'src/local/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: '/nonexistent',
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        DYNAMODB_ENDPOINT: '',
      },
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    const code = await exited(child);

    expect(code).not.toBe(0);
    expect(
      stderr
        .trim()
        .split('\n')
        .filter((line) => line.includes('Java')),
    ).toEqual([expect.stringMatching(/^Java 17 or newer is required/)]);
  }, 60_000);
});
