/**
 * `npm start`: the real API on http://localhost:3000, backed by an embedded DynamoDB engine whose
 * data lives under .data/ and survives restarts. DYNAMODB_ENDPOINT (with TABLE_NAME) points it at
 * another DynamoDB instead. Ctrl-C stops everything this started.
 *
 * GATEWAY=http stands in for the HTTP API (payload v2) instead of the REST API, as `-c gateway=http`
 * deploys it: the function verifies tokens itself, or with HTTP_AUTHORIZER=jwt the gateway does.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import spec from '../../generated/openapi.json';
import { loadConfig } from '../config';
import { methodsByTemplate } from '../spec/openapi-document';
import { createDynamoDbClient } from '../storage/dynamodb/document-client';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadLocalIdentity } from './auth/local-identity';
import { DATA_DIR } from './data-dir';
import { EnginePrerequisiteError, type RunningEngine, startDynamoDbEngine } from './dynamodb-engine';
import { startGateway } from './gateway';
import { ensureItemsTable } from './items-table';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const tableName = process.env.TABLE_NAME ?? 'items';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const gateway = process.env.GATEWAY ?? 'rest';
  const httpAuthorizer = process.env.HTTP_AUTHORIZER ?? 'lambda';
  if (gateway !== 'rest' && gateway !== 'http')
    throw new Error(`GATEWAY must be rest or http; got ${gateway}`);
  if (httpAuthorizer !== 'lambda' && httpAuthorizer !== 'jwt')
    throw new Error(`HTTP_AUTHORIZER must be lambda or jwt; got ${httpAuthorizer}`);
  const verifiedInFunction = gateway === 'http' && httpAuthorizer === 'lambda';
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

    // The same variables the Lambda gets on AWS, set before the handler module reads them.
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.AWS_REGION = region;
    process.env.PAGE_TOKEN_SECRET ??= await localSecret('page-token-secret');
    // Any origin may call the local server (a frontend dev server on another port, say).
    process.env.CORS_ALLOWED_ORIGINS ??= '*';
    const identity = await loadLocalIdentity(DATA_DIR);
    if (verifiedInFunction) {
      // What the stack sets for the function behind an HTTP API, pointed at the local issuer's key.
      process.env.AUTH_ISSUER ??= LOCAL_ISSUER;
      process.env.AUTH_AUDIENCE ??= LOCAL_AUDIENCE;
      process.env.AUTH_JWKS ??= JSON.stringify(await identity.jwks());
    }
    const { handler } = await import('../lambda.js');

    const common = {
      resources: methodsByTemplate(spec),
      // The same policy the function applies to its own answers.
      cors: { origins: loadConfig().corsOrigins },
      port,
      host: process.env.HOST ?? '127.0.0.1',
    };
    const running = await startGateway(
      gateway === 'http'
        ? {
            ...common,
            payloadFormat: '2.0',
            handler,
            ...(httpAuthorizer === 'jwt' && { authorizer: identity.verify }),
          }
        : { ...common, handler, authorizer: identity.verify },
    );
    const shutdown = async () => {
      await running.close();
      await stopEngine();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    console.log(
      `Items API listening on http://localhost:${port} (${gateway === 'http' ? `HTTP API, payload v2, ${verifiedInFunction ? 'tokens verified by the function' : 'JWT authorizer'}` : 'REST API, payload v1'})`,
    );
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
