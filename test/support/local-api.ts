/**
 * `npm start` for the SDK's suites: src/local/main.ts on a free port, with a data directory of its
 * own (its signing key, its local S3) and a fresh table on the run's DynamoDB Local, plus tokens
 * signed with its key. `stop()` stops it and removes the directory; call it in afterAll.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLocalIdentity } from '../../src/local/dev-tools/identity';
import { freePort } from '../../src/local/engines/free-port';
import { type LocalServer, startLocalServer, stopLocalServer } from './local-server';

export interface LocalApi {
  readonly url: string;
  /** A one-hour bearer token for `subject`, as `npm run token` prints it. */
  token(subject: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startLocalApi(env: NodeJS.ProcessEnv = {}): Promise<LocalApi> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'items-api-sdk-'));
  // Created before the server starts, so both sign and verify with the same key.
  const identity = await loadLocalIdentity(dataDir);
  const port = await freePort();
  let server: LocalServer | undefined;
  const stop = async () => {
    await stopLocalServer(server?.child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startLocalServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      TABLE_NAME: `sdk-${randomUUID()}`,
      ...env,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://localhost:${port}`, token: (subject) => identity.issue(subject), stop };
}
