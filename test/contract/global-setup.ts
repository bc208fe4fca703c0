/**
 * Starts what `npm run test:contract` tests against. With API_BASE_URL set (a deployed stage, say),
 * only that. Otherwise the real local server (DynamoDB Local + the Lambda handler behind the local
 * gateway) as the REST API and as the HTTP API sends events (payload v2, tokens verified by the
 * function), the built bundle behind both, the Prism mock, and Prism as a validating proxy in
 * front of the local server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import spec from '../../generated/openapi.json';
import { buildLambda } from '../../scripts/build';
import { composeApp } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import type { GatewayHandler } from '../../src/gateway-events/gateway-handler';
import { toHttpApiHandler } from '../../src/gateway-events/http-api-v2';
import { toProxyHandler } from '../../src/gateway-events/rest-api-v1';
import { ephemeralIdentity, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../src/local/dev-tools/identity';
import { startDynamoDbEngine } from '../../src/local/engines/dynamodb-engine';
import { freePort } from '../../src/local/engines/free-port';
import { type GuardedProcess, spawnGuarded, waitFor } from '../../src/local/engines/guarded-process';
import { ensureItemsTable } from '../../src/local/engines/items-table';
import { LOCAL_MEDIA_BUCKET, localMediaEnvironment } from '../../src/local/engines/local-media';
import { startLocalS3 } from '../../src/local/engines/s3-server';
import { localAuthorizer } from '../../src/local/gateway/authorizer';
import { startGateway } from '../../src/local/gateway/server';
import { methodsByTemplate } from '../../src/spec/openapi-document';
import { createDynamoDbClient } from '../../src/storage/dynamodb/document-client';
import { type ContractTarget, TARGETS_VARIABLE } from './targets';

const ROOT = path.resolve(__dirname, '../..');
const PRISM = require.resolve('@stoplight/prism-cli/dist/index.js');

type Stop = () => Promise<void>;

export default async function globalSetup(): Promise<void> {
  const stops: Stop[] = [];
  globalThis.__CONTRACT_STOPS__ = stops;
  const external = process.env.API_BASE_URL;
  if (external !== undefined && external !== '') {
    const stateful = process.env.CONTRACT_STATELESS !== 'true';
    const token = process.env.API_TOKEN;
    if (token === undefined || token === '')
      throw new Error('API_TOKEN is required with API_BASE_URL: a bearer token for the target');
    process.env[TARGETS_VARIABLE] = JSON.stringify([
      {
        name: 'API_BASE_URL',
        url: external.replace(/\/$/, ''),
        stateful,
        negative: true,
        authorization: `Bearer ${token}`,
      },
    ]);
    return;
  }

  const engine = await startDynamoDbEngine();
  stops.push(engine.stop);
  const client = createDynamoDbClient({ endpoint: engine.endpoint, region: 'us-east-1' });
  await ensureItemsTable(client, 'items-contract');
  client.destroy();
  const s3 = await startLocalS3({
    bucket: LOCAL_MEDIA_BUCKET,
    directory: await mkdtemp(path.join(tmpdir(), 'items-contract-s3-')),
    corsOrigins: ['*'],
  });
  stops.push(s3.stop);
  const environment = {
    ...localMediaEnvironment(s3.endpoint),
    TABLE_NAME: 'items-contract',
    DYNAMODB_ENDPOINT: engine.endpoint,
    AWS_REGION: 'us-east-1',
    PAGE_TOKEN_SECRET: randomBytes(32).toString('base64'),
  };
  const identity = await ephemeralIdentity();
  const authorization = `Bearer ${await identity.issue('contract-suite')}`;
  // What the stack gives the function behind an HTTP API (gateway=http, the default authorizer):
  // it verifies bearer tokens itself. Behind the REST API the caller arrives verified and these go unused.
  const functionAuth = {
    JWT_ISSUER: LOCAL_ISSUER,
    JWT_AUDIENCE: LOCAL_AUDIENCE,
    JWT_JWKS: JSON.stringify(await identity.jwks()),
  };
  const local = { resources: methodsByTemplate(spec), cors: { origins: [] }, port: 0 };
  // The media module up front: jest's TypeScript hook is gone when the first media request comes.
  const handler = toProxyHandler(composeApp(loadConfig(environment)));
  const gateway = await startGateway({
    ...local,
    handler,
    authorizer: await localAuthorizer(identity, 'cognito'),
  });
  stops.push(gateway.close);
  // The same function under a stage path, as the execute-api URL serves it: Location must stay inside.
  const staged = await startGateway({
    ...local,
    handler,
    authorizer: await localAuthorizer(identity, 'cognito'),
    stage: 'dev',
    mount: { via: 'execute-api' },
  });
  stops.push(staged.close);
  const httpApi = await startGateway({
    ...local,
    payloadFormat: '2.0',
    handler: toHttpApiHandler(composeApp(loadConfig({ ...environment, ...functionAuth }))),
  });
  stops.push(httpApi.close);

  const mock = await startPrism(['mock', 'openapi.yaml']);
  stops.push(mock.process.stop);
  const proxy = await startPrism(['proxy', 'openapi.yaml', gateway.url, '--errors']);
  stops.push(proxy.process.stop);

  // The deployable artifact itself, loaded as the Lambda runtime loads it: env first, then require.
  Object.assign(process.env, environment, functionAuth);
  const bundle = require(path.join(await buildLambda(), 'index.js')) as { handler: GatewayHandler };
  const built = await startGateway({
    ...local,
    handler: bundle.handler,
    // Behind the JWT Lambda authorizer's code, so the bundle reads the caller from its context.
    authorizer: await localAuthorizer(identity, 'jwt'),
  });
  stops.push(built.close);
  const builtHttpApi = await startGateway({ ...local, payloadFormat: '2.0', handler: bundle.handler });
  stops.push(builtHttpApi.close);

  const targets: ContractTarget[] = [
    { name: 'local server', url: gateway.url, stateful: true, negative: true, authorization },
    {
      name: 'local server under the stage path /dev (execute-api shape)',
      url: `${staged.url}/dev`,
      stateful: true,
      negative: true,
      authorization,
    },
    {
      name: 'local server as an HTTP API (payload v2, function-verified tokens)',
      url: httpApi.url,
      stateful: true,
      negative: true,
      authorization,
    },
    {
      name: 'built bundle (dist/lambda), JWT authorizer',
      url: built.url,
      stateful: true,
      negative: true,
      authorization,
    },
    {
      name: 'built bundle (dist/lambda) as an HTTP API (payload v2)',
      url: builtHttpApi.url,
      stateful: true,
      negative: true,
      authorization,
    },
    {
      name: 'Prism mock',
      url: mock.url,
      stateful: false,
      negative: true,
      // Prism checks that a bearer token is present, not what it says.
      authorization,
      limitations: {
        ': malformed JSON$':
          'Prism answers unparseable JSON with its own {"error": …} body (application/json), before the mock runs',
        // Seen with Prism 5.14: PUT bodies are validated, PATCH bodies (ItemPatch, with its nullable
        // fields) are not, whichever of the two media types they are sent as.
        '^updateItem: body as [^ ]+ with ':
          'Prism does not validate PATCH bodies (ItemPatch): the mock accepts invalid patches',
      },
    },
    {
      name: 'local server through prism proxy --errors',
      url: proxy.url,
      stateful: true,
      negative: false,
      authorization,
    },
  ];
  process.env[TARGETS_VARIABLE] = JSON.stringify(targets);
}

async function startPrism(args: readonly string[]): Promise<{ url: string; process: GuardedProcess }> {
  const port = await freePort();
  const prism = spawnGuarded(
    process.execPath,
    [PRISM, ...args, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT },
  );
  await waitFor(prism, async () => prism.output().includes('Prism is listening'), `prism ${args[0]}`);
  return { url: `http://127.0.0.1:${port}`, process: prism };
}
