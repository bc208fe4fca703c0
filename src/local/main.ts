/**
 * `npm start`: the real API on http://localhost:3000, backed by an embedded DynamoDB engine whose
 * data lives under .data/ and survives restarts, with its reference at /docs. DYNAMODB_ENDPOINT
 * (with TABLE_NAME) points it at another DynamoDB instead. One line per request; Ctrl-C stops
 * everything this started.
 *
 * GATEWAY=http stands in for the HTTP API (payload v2) instead of the REST API, as `-c gateway=http`
 * deploys it: the function verifies tokens itself, or with HTTP_AUTHORIZER=jwt the gateway does.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import spec from '../../generated/openapi.json';
import { loadConfig } from '../config';
import { jsonLogger, logLevelFrom, setOutput } from '../logger';
import { methodsByTemplate } from '../spec/openapi-document';
import { createDynamoDbClient } from '../storage/dynamodb/document-client';
import { devOutput } from './dev-tools/dev-output';
import { docsRoutes, specJsonText } from './dev-tools/docs';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadLocalIdentity } from './dev-tools/identity';
import { DATA_DIR } from './engines/data-dir';
import { EnginePrerequisiteError, type RunningEngine, startDynamoDbEngine } from './engines/dynamodb-engine';
import { ensureItemsTable } from './engines/items-table';
import { startLocalMedia } from './engines/local-media';
import { authModeFrom, localAuthorizer } from './gateway/authorizer';
import { startGateway } from './gateway/server';

const ROOT = path.resolve(__dirname, '../..');
/** How often the embedded engine is checked, so its death is reported before a request fails. */
const ENGINE_CHECK_MS = 1_000;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  // Which deployed authorizer the local gateway stands in for (infra: -c authorizer=cognito|jwt).
  const authMode = authModeFrom(process.env.AUTH_MODE);
  setOutput(
    devOutput({
      colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      showMetrics: logLevelFrom(process.env) === 'debug',
      write: (text) => process.stdout.write(text),
    }),
  );
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
    const identity = await loadLocalIdentity(DATA_DIR);
    if (verifiedInFunction) {
      // What the stack sets for the function behind an HTTP API, pointed at the local issuer's key.
      process.env.JWT_ISSUER ??= LOCAL_ISSUER;
      process.env.JWT_AUDIENCE ??= LOCAL_AUDIENCE;
      process.env.JWT_JWKS ??= JSON.stringify(await identity.jwks());
    }
    const { handler } = await import('../entries/api.js');

    const common = {
      resources: methodsByTemplate(spec),
      // The same policy the function applies to its own answers.
      cors: { origins: loadConfig().corsOrigins },
      port,
      host: process.env.HOST ?? '127.0.0.1',
      extraRoutes: docsRoutes({
        specJson: specJsonText(spec),
        specYaml: await readFile(path.join(ROOT, 'openapi.yaml'), 'utf8'),
      }),
    };
    const running = await startGateway(
      gateway === 'http'
        ? {
            ...common,
            payloadFormat: '2.0',
            handler,
            ...(httpAuthorizer === 'jwt' && { authorizer: identity.verify }),
          }
        : { ...common, handler, authorizer: await localAuthorizer(identity, authMode) },
    );
    let stopping = false;
    const shutdown = async () => {
      stopping = true;
      await running.close();
      await media.stop();
      await stopEngine();
      process.exit(0);
    };
    if (engine !== undefined) {
      watchEngine(endpoint, async () => {
        if (stopping) return;
        console.error(
          `DynamoDB Local (${endpoint}) has stopped: requests can no longer be served, so the server stops too. Run npm start again (data in ${path.relative(process.cwd(), path.join(DATA_DIR, 'dynamodb'))} is kept).`,
        );
        stopping = true;
        await running.close();
        await media.stop();
        await stopEngine();
        process.exit(1);
      });
    }
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    console.log(
      `Items API listening on http://localhost:${port} (${gateway === 'http' ? `HTTP API, payload v2, ${verifiedInFunction ? 'tokens verified by the function' : 'JWT authorizer'}` : 'REST API, payload v1'})`,
    );
    console.log(`  Docs: http://localhost:${port}/docs (spec at /openapi.json and /openapi.yaml)`);
    const verifier =
      gateway === 'http'
        ? `verified ${verifiedInFunction ? 'by the function' : "by the HTTP API's JWT authorizer"} (HTTP_AUTHORIZER=${httpAuthorizer})`
        : `verified as the ${authMode === 'jwt' ? 'JWT Lambda' : 'Cognito'} authorizer does (AUTH_MODE=${authMode})`;
    console.log(`  Auth: bearer JWT, ${verifier}; get one with: npm run --silent token -- <subject>`);
    console.log(
      `  DynamoDB: ${engine === undefined ? endpoint : `embedded DynamoDB Local, data in ${path.relative(process.cwd(), path.join(DATA_DIR, 'dynamodb'))}`} (table ${tableName}${table === 'created' ? ', created' : ''})`,
    );
  } catch (error) {
    await stopEngine();
    throw error;
  }
}

/** Calls `onDown` once when nothing accepts connections at the engine's endpoint any more. */
function watchEngine(endpoint: string, onDown: () => Promise<void>): void {
  const { hostname, port } = new URL(endpoint);
  const timer = setInterval(() => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => socket.destroy());
    socket.once('error', () => {
      clearInterval(timer);
      void onDown();
    });
  }, ENGINE_CHECK_MS);
  timer.unref();
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
  if (isAddressInUse(error)) {
    console.error(
      `Port ${process.env.PORT ?? 3000} is already in use: stop what runs there, or choose another with PORT (PORT=3001 npm start).`,
    );
  } else console.error(error instanceof EnginePrerequisiteError ? error.message : error);
  process.exit(1);
});

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}
