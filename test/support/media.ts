import type { TableStreamOverrides } from '../../src/compose-table-stream';
import { loadMediaConfig } from '../../src/config';
import { type MediaWorkerHandle, startMediaWorkers } from '../../src/local/engines/local-media';
import type { Logger } from '../../src/logger';
import { createObjectStore } from '../../src/resources/media/compose-media';
import type { ObjectStore } from '../../src/resources/media/object-store';
import { engineEndpoint } from './table';

/** The run's local S3 (globalSetup), as the API and the workers reach it. */
export function runObjectStore(): ObjectStore {
  return createObjectStore('us-east-1', loadMediaConfig(process.env));
}

/** A logger that keeps what it is told, for assertions (and silence). */
export function memoryLogger(): Logger & { readonly lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The media workers on a test table, for the enclosing describe's tests, stopped after them. */
export function useMediaWorkers(
  tableName: () => string,
  overrides: TableStreamOverrides = {},
): { confirm: (key: string) => Promise<unknown> } {
  let workers: MediaWorkerHandle | undefined;
  beforeAll(async () => {
    const dynamodbEndpoint = engineEndpoint();
    workers = await startMediaWorkers(
      { tableName: tableName(), region: 'us-east-1', dynamodbEndpoint, media: loadMediaConfig(process.env) },
      overrides.logger ?? memoryLogger(),
      overrides,
    );
  });
  afterAll(() => workers?.stop());
  return {
    confirm: (key) => {
      if (workers === undefined) throw new Error('useMediaWorkers: only inside tests');
      return workers.confirm(key);
    },
  };
}
