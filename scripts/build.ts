/**
 * `npm run build`: bundles the Lambda into dist/lambda/index.js (exporting `handler`) with esbuild,
 * beside the JWT authorizer (dist/authorizer) and the media workers (dist/media-workers).
 * The CDK stack deploys exactly this directory, so what is tested and measured is what ships.
 */
import { rm } from 'node:fs/promises';
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
  // Lambda runs nodejs22.x; the bundle carries its own pinned AWS SDK rather than the runtime's.
  target: 'node22',
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
    build.onLoad({ filter: /.*/, namespace: 'lambda-sdk-cuts' }, (args) => ({
      contents: ENV_CREDENTIALS_ONLY,
      loader: 'js',
      resolveDir: isResolveDir(args.pluginData) ? args.pluginData.resolveDir : root,
    }));
  },
};

/** `defaultProvider` with the default chain's first link only: credentials from the environment. */
const ENV_CREDENTIALS_ONLY = `export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';`;

function isResolveDir(data: unknown): data is { resolveDir: string } {
  return (
    typeof data === 'object' && data !== null && 'resolveDir' in data && typeof data.resolveDir === 'string'
  );
}

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
  plugins: [lambdaSdkCuts],
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
