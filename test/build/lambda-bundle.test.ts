/**
 * The BUILT Lambda (scripts/build.ts, SDK cuts included) still does what the SDK does on Lambda:
 * signs with the credentials the runtime puts in the environment, session token included, and
 * retries throttling. It runs in a fresh node process with Lambda's environment, its SDK client
 * pointed at a stand-in endpoint through AWS_ENDPOINT_URL_DYNAMODB, which the SDK honours itself.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BENCH_ITEM, BENCH_OWNER, benchItemRecord } from '../../fixtures/bench-item';
import { createEvent, createHttpApiEvent } from '../../fixtures/events';
import { type FakeDynamoDb, startFakeDynamoDb } from '../../fixtures/fake-dynamodb';
import { lambdaEnvironment } from '../../fixtures/lambda-environment';
import { buildLambda, LAMBDA_BUILD_OPTIONS } from '../../scripts/build';

const run = promisify(execFile);

/** Loads the bundle as the runtime does, answers one event, prints the result as JSON. */
const INVOKE = `
const { handler } = require(process.argv[1]);
handler(JSON.parse(process.argv[2])).then((result) => console.log(JSON.stringify(result)));
`;

describe('built Lambda bundle (dist/lambda)', () => {
  let outdir: string;
  /** src/entries/api.ts bundled without the cuts: the SDK's own behaviour, to compare with. */
  let uncut: string;
  let server: FakeDynamoDb | undefined;

  beforeAll(async () => {
    outdir = await buildLambda(await mkdtemp(path.join(os.tmpdir(), 'lambda-bundle-')));
    uncut = path.join(outdir, 'uncut', 'index.js');
    await build({ ...LAMBDA_BUILD_OPTIONS, outfile: uncut });
  }, 60_000);
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  interface Invocation {
    readonly bundle?: string;
    readonly env?: NodeJS.ProcessEnv;
    readonly event?: unknown;
  }

  /** One event through a fresh process; the result, and everything the bundle wrote on the way. */
  async function invoke(
    fake: FakeDynamoDb,
    {
      bundle = path.join(outdir, 'index.js'),
      env = {},
      event = createEvent('GET', `/items/${BENCH_ITEM.id}`, { subject: BENCH_OWNER }),
    }: Invocation = {},
  ): Promise<{ result: { statusCode: number; body: string }; output: string }> {
    const { stdout, stderr } = await run(process.execPath, ['-e', INVOKE, bundle, JSON.stringify(event)], {
      env: { ...lambdaEnvironment(fake.url), ...env },
      timeout: 30_000,
    });
    // The bundle writes its access and EMF lines first; the invoker prints the result last.
    const lines = stdout.trimEnd().split('\n');
    const result = JSON.parse(lines.pop() ?? '') as { statusCode: number; body: string };
    return { result, output: `${lines.join('\n')}\n${stderr}` };
  }

  async function getItemThrough(
    fake: FakeDynamoDb,
    bundle?: string,
  ): Promise<{ statusCode: number; body: string }> {
    return (await invoke(fake, { ...(bundle !== undefined && { bundle }) })).result;
  }

  it("signs with the environment's credentials, session token included", async () => {
    server = await startFakeDynamoDb({ item: benchItemRecord() });
    const env = lambdaEnvironment(server.url);

    const response = await getItemThrough(server);

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ id: BENCH_ITEM.id, name: BENCH_ITEM.name });
    const [request] = server.requests;
    expect(request?.target).toBe('DynamoDB_20120810.GetItem');
    expect(String(request?.headers.authorization)).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${env.AWS_ACCESS_KEY_ID}/\\d{8}/us-east-1/dynamodb/aws4_request, `,
      ),
    );
    expect(String(request?.headers.authorization)).toContain('x-amz-security-token');
    expect(request?.headers['x-amz-security-token']).toBe(env.AWS_SESSION_TOKEN);
  }, 30_000);

  it('retries a throttled request as the uncut SDK does, then answers', async () => {
    const attempts = async (bundle: string): Promise<unknown[]> => {
      const fake = await startFakeDynamoDb({ item: benchItemRecord(), throttleFirst: 2 });
      try {
        expect((await getItemThrough(fake, bundle)).statusCode).toBe(200);
        return fake.requests.map((request) => request.headers['amz-sdk-request']);
      } finally {
        await fake.close();
      }
    };

    const shipped = await attempts(path.join(outdir, 'index.js'));

    expect(shipped).toHaveLength(3);
    expect(shipped[2]).toMatch(/^attempt=3; max=\d+$/);
    expect(shipped).toEqual(await attempts(uncut));
  }, 30_000);

  it('leaves out what Lambda never uses', async () => {
    const source = await readFile(path.join(outdir, 'index.js'), 'utf8');

    for (const gone of [
      'node:http2',
      'node:child_process',
      'bowser',
      'credential-provider-imds',
      'AssumeRoleWithWebIdentity',
      // The shared config and credentials files, which a function never has.
      'node:fs/promises',
      // Event streams (DynamoDB has none) and the lazy initialisers their import brought.
      'Truncated event message received',
      'generated/response-validators',
    ])
      expect({ gone, found: source.includes(gone) }).toEqual({ gone, found: false });
  });

  it('loads the response checks from their own file on the first sample', async () => {
    server = await startFakeDynamoDb({ item: benchItemRecord() });

    const { result, output } = await invoke(server, { env: { RESPONSE_VALIDATION_SAMPLE_RATE: '1' } });

    expect(result.statusCode).toBe(200);
    expect(output).toContain('"ResponseValidated":1');
    expect(output).not.toContain('ResponseValidationMismatch":1');
    expect(output).not.toContain('response validation failed');
  }, 30_000);

  it('loads the bearer verifier from its own file when the function checks tokens itself', async () => {
    server = await startFakeDynamoDb({ item: benchItemRecord() });

    const { result } = await invoke(server, {
      env: { JWT_ISSUER: 'https://issuer.example', JWT_AUDIENCE: 'items-api' },
      event: createHttpApiEvent('GET', `/items/${BENCH_ITEM.id}`),
    });

    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body)).toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(0);
  }, 30_000);
});
