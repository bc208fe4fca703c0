/**
 * `npm start`: the real API on http://localhost:3000, backed by an embedded DynamoDB engine whose
 * data lives under .data/ and survives restarts. DYNAMODB_ENDPOINT (with TABLE_NAME) points it at
 * another DynamoDB instead. Ctrl-C stops everything this started.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import spec from '../../generated/openapi.json';
import { loadConfig } from '../config';
import { jsonLogger } from '../logger';
import { methodsByTemplate } from '../spec/openapi-document';
import { createDynamoDbClient } from '../storage/dynamodb/document-client';
import { loadLocalIdentity } from './auth/local-identity';
import { DATA_DIR } from './data-dir';
import { EnginePrerequisiteError, type RunningEngine, startDynamoDbEngine } from './dynamodb-engine';
import { startGateway } from './gateway';
import { ensureItemsTable } from './items-table';
import { startLocalMedia } from './local-media';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const tableName = process.env.TABLE_NAME ?? 'items';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  await mkdir(DATA_DIR, { recursive: true });

  let engine: RunningEngine | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint === undefined || endpoint === '') {
    const dataDir = path.join(DATA_DIR, 'dynamodb');
    await mkdir(dataDir, { recursive: true });
    engine = await startDynamoDbEngine({ dataDir });
    endpoint = engine.endpoint;
  }
  const stopEngine = async () => engine?.stop();

  try {
    const client = createDynamoDbClient({ endpoint, region });
    const table = await ensureItemsTable(client, tableName);
    client.destroy();
    // Media: the local S3 (verifying SigV4) with its bucket and CORS, and the media workers.
    const media = await startLocalMedia({
      dataDir: DATA_DIR,
      tableName,
      dynamodbEndpoint: endpoint,
      region,
      corsOrigins: ['*'],
      logger: jsonLogger,
    });
    Object.assign(process.env, media.environment);

    // The same variables the Lambda gets on AWS, set before the handler module reads them.
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.AWS_REGION = region;
    process.env.PAGE_TOKEN_SECRET ??= await localSecret('page-token-secret');
    // Any origin may call the local server (a frontend dev server on another port, say).
    process.env.CORS_ALLOWED_ORIGINS ??= '*';
    const { handler } = await import('../lambda.js');
    const identity = await loadLocalIdentity(DATA_DIR);

    const gateway = await startGateway({
      handler,
      resources: methodsByTemplate(spec),
      // The same policy the function applies to its own answers.
      cors: { origins: loadConfig().corsOrigins },
      authorizer: identity.verify,
      port,
      host: process.env.HOST ?? '127.0.0.1',
    });
    const shutdown = async () => {
      await gateway.close();
      await media.stop();
      await stopEngine();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    console.log(`Items API listening on http://localhost:${port}`);
    console.log('  Auth: bearer JWT; get one with: npm run --silent token -- <subject>');
    console.log(
      `  DynamoDB: ${engine === undefined ? endpoint : `embedded DynamoDB Local, data in ${path.relative(process.cwd(), path.join(DATA_DIR, 'dynamodb'))}`} (table ${tableName}${table === 'created' ? ', created' : ''})`,
    );
  } catch (error) {
    await stopEngine();
    throw error;
  }
}

/** A development secret kept under .data/, so page tokens stay valid across restarts. */
async function localSecret(name: string): Promise<string> {
  const file = path.join(DATA_DIR, name);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim() !== '') return existing.trim();
  const secret = randomBytes(32).toString('base64');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(error instanceof EnginePrerequisiteError ? error.message : error);
  process.exit(1);
});
