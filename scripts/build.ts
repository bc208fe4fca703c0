/**
 * `npm run build`: bundles the Lambda into dist/lambda/index.js (exporting `handler`) with esbuild,
 * beside the JWT authorizer (dist/authorizer) and the media workers (dist/media-workers).
 * The CDK stack deploys exactly this directory, so what is tested and measured is what ships.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { writeLicenses } from './licenses';

const root = path.resolve(__dirname, '..');
export const LAMBDA_DIST = path.join(root, 'dist/lambda');
/** The Lambda authorizer for `-c authorizer=jwt` (src/entries/authorizer.ts), deployed only in that mode. */
export const AUTHORIZER_DIST = path.join(root, 'dist/authorizer');
/** The media workers (src/entries/table-stream.ts and src/entries/media-uploads.ts), one bundle directory for both. */
export const MEDIA_WORKERS_DIST = path.join(root, 'dist/media-workers');

export const LAMBDA_BUILD_OPTIONS: BuildOptions = {
  entryPoints: [path.join(root, 'src/entries/api.ts')],
  bundle: true,
  platform: 'node',
  // Lambda runs nodejs24.x; the bundle carries its own pinned AWS SDK rather than the runtime's.
  target: 'node24',
  format: 'cjs',
  minify: true,
  // No source map in the asset: it would quadruple the upload and slow cold starts with --enable-source-maps.
  sourcemap: false,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * The AWS SDK as Lambda uses it (issue 15): only what a function with credentials in its
 * environment calls, so less is compiled and run at cold start. Each cut keeps the SDK's behaviour
 * on Lambda; test/build checks the built bundle still signs with the environment's credentials
 * (session token included) and still retries throttling.
 */
export const lambdaSdkCuts: Plugin = {
  name: 'lambda-sdk-cuts',
  setup(build) {
    // The default chain (env, then SSO, ini files, process, web identity, container and instance
    // metadata, each with its own STS/SSO client) ends at its first link on Lambda, where the
    // runtime puts the role's credentials in AWS_ACCESS_KEY_ID/…/AWS_SESSION_TOKEN.
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) => ({
      path: 'credential-provider-node',
      namespace: 'lambda-sdk-cuts',
      pluginData: { resolveDir: args.resolveDir },
    }));
    // The protocols import event-stream support on demand, for operations that stream events;
    // DynamoDB has none. Bundled, that import wrapped it and the ~150 SDK modules it shares with the
    // client in lazy initialisers that every cold start ran one by one.
    build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'event-streams', namespace: 'lambda-sdk-cuts' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lambda-sdk-cuts' }, (args) =>
      args.path === 'event-streams'
        ? { contents: NO_EVENT_STREAMS, loader: 'js' }
        : {
            contents: ENV_CREDENTIALS_ONLY,
            loader: 'js',
            resolveDir: isResolveDir(args.pluginData) ? args.pluginData.resolveDir : root,
          },
    );
    // The HTTP handler imports node:http on its first plain-http request (a local endpoint, the
    // bench's stand-in) with import(), whose first use starts node's ESM loader, which loads http2,
    // undici, worker_threads… (25 ms); require() loads http alone (3 ms), still only then.
    build.onLoad({ filter: NODE_HTTP_HANDLER }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(IMPORT_NODE_HTTP))
        return { errors: [{ text: `${IMPORT_NODE_HTTP} not found: revisit the cut in scripts/build.ts` }] };
      return { contents: source.replace(IMPORT_NODE_HTTP, 'require("node:http")'), loader: 'js' };
    });
    // Every setting the client reads (FIPS, dual-stack, endpoint URL, checksums, app id…) is looked
    // up in the environment, then in ~/.aws/config and ~/.aws/credentials, which a Lambda function
    // never has: the first request opened both files (and loaded node:fs/promises) to find nothing.
    // The environment still decides, as on Lambda.
    build.onLoad({ filter: SHARED_INI_READ_FILE }, () => ({ contents: NO_SHARED_FILES, loader: 'js' }));
  },
};

/** `defaultProvider` with the default chain's first link only: credentials from the environment. */
const ENV_CREDENTIALS_ONLY = `export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';`;

/** What the protocols' on-demand import finds: no event streams, said plainly if ever asked for. */
const NO_EVENT_STREAMS = `
const unsupported = () => { throw new Error('event streams are not bundled (scripts/build.ts): DynamoDB has none'); };
export { unsupported as EventStreamSerde, unsupported as eventStreamSerdeProvider };
`;

const NODE_HTTP_HANDLER = /[\\/]@smithy[\\/]node-http-handler[\\/]dist-es[\\/]node-http-handler\.js$/;
const IMPORT_NODE_HTTP = 'await import("node:http")';

/** The SDK's one reader of shared config and credentials files (@smithy/core's config submodule). */
const SHARED_INI_READ_FILE = /[\\/]shared-ini-file-loader[\\/]readFile\.js$/;

/** Its exports, reading nothing: every file is absent, which the loaders already treat as empty. */
const NO_SHARED_FILES = `
export const filePromises = {};
export const fileIntercept = {};
export const readFile = (path) =>
  fileIntercept[path] ?? Promise.reject(Object.assign(new Error(\`\${path}: not read on Lambda\`), { code: 'ENOENT' }));
`;

function isResolveDir(data: unknown): data is { resolveDir: string } {
  return (
    typeof data === 'object' && data !== null && 'resolveDir' in data && typeof data.resolveDir === 'string'
  );
}

/**
 * Modules our code `require()`s only when a request first needs them, shipped as files of their
 * own beside index.js: node then neither reads nor pre-parses them at cold start. The response
 * checks serve a sampled 1 % of answers; the bearer verifier (jose) only the HTTP API without an
 * authorizer. Each is bundled whole (it shares no state with index.js) by the same options.
 */
const LAZY_FILES: Readonly<Record<string, string>> = {
  'response-validators': path.join(root, 'generated/response-validators.js'),
  'response-table': path.join(root, 'generated/response-table.js'),
  'jwt-verifier': path.join(root, 'src/auth/jwt-verifier.ts'),
};

/** Turns each `require()` of a LAZY_FILES module into `require('./<name>.js')` and writes that file. */
export const lazyFiles: Plugin = {
  name: 'lazy-files',
  setup(bundle) {
    const names = new Map(Object.entries(LAZY_FILES).map(([name, file]) => [file, name]));
    const required = new Set<string>();
    const specifiers = new RegExp(`/(${Object.keys(LAZY_FILES).join('|')})$`);
    bundle.onResolve({ filter: specifiers }, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData === 'lazy-files') return undefined;
      const resolved = await bundle.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'lazy-files',
      });
      const name = names.get(resolved.path);
      if (name === undefined) return undefined;
      required.add(name);
      return { path: `./${name}.js`, external: true };
    });
    bundle.onEnd(async (result) => {
      const { entryPoints, outfile, plugins = [], ...options } = bundle.initialOptions;
      const outdir = options.outdir ?? (outfile === undefined ? undefined : path.dirname(outfile));
      if (required.size === 0 || result.errors.length > 0 || outdir === undefined) return;
      const files = await build({
        ...options,
        plugins: plugins.filter((plugin) => plugin.name !== 'lazy-files'),
        entryPoints: Object.fromEntries([...required].map((name) => [name, LAZY_FILES[name] ?? name])),
        outdir,
      });
      // Their packages ship too: npm run build lists them in licenses.txt from the metafile.
      if (result.metafile !== undefined && files.metafile !== undefined)
        Object.assign(result.metafile.inputs, files.metafile.inputs);
    });
  },
};

/** What ships: the shared options, the SDK's ES modules (so unused code shakes out), and the cuts. */
export const LAMBDA_SHIPPED_OPTIONS: BuildOptions = {
  ...LAMBDA_BUILD_OPTIONS,
  // The SDK's dist-es builds: bundled from ES modules, esbuild drops the exports no caller uses
  // (other protocols, event streams, the browser user-agent parser bowser…); from its CommonJS
  // builds every submodule comes whole.
  mainFields: ['module', 'main'],
  // No __name() wrapper around every function and class (issue 22: 5 % smaller, less to run at
  // init): our errors and the SDK's set `name` themselves, and nothing reads a constructor's name.
  keepNames: false,
  plugins: [lambdaSdkCuts, lazyFiles],
};

export async function buildLambda(outdir: string = LAMBDA_DIST): Promise<string> {
  // Nothing stale (an old source map, say) may ride along in the deployed asset.
  await rm(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    ...LAMBDA_SHIPPED_OPTIONS,
    outfile: path.join(outdir, 'index.js'),
    metafile: true,
  });
  await writeLicenses(outdir, metafile, root);
  return outdir;
}

export async function buildAuthorizer(outdir: string = AUTHORIZER_DIST): Promise<string> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...LAMBDA_BUILD_OPTIONS,
    entryPoints: [path.join(root, 'src/entries/authorizer.ts')],
    outfile: path.join(outdir, 'index.js'),
  });
  return outdir;
}

/**
 * The media workers' own bundle (stream.js, uploads.js), so the API function's asset carries none
 * of their code, and theirs none of the HTTP layer. Same SDK cuts as the API function.
 */
export async function buildMediaWorkers(outdir: string = MEDIA_WORKERS_DIST): Promise<string> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...LAMBDA_SHIPPED_OPTIONS,
    entryPoints: {
      stream: path.join(root, 'src/entries/table-stream.ts'),
      uploads: path.join(root, 'src/entries/media-uploads.ts'),
    },
    outdir,
  });
  return outdir;
}

if (require.main === module) {
  Promise.all([buildLambda(), buildAuthorizer(), buildMediaWorkers()]).then(
    (outdirs) => console.log(`built ${outdirs.map((outdir) => path.relative(root, outdir)).join(', ')}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
