/**
 * `npm run build`: bundles the Lambda into dist/lambda/index.js (exporting `handler`) with esbuild.
 * The CDK stack deploys exactly this directory, so what is tested and measured is what ships.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';

const root = path.resolve(__dirname, '..');
export const LAMBDA_DIST = path.join(root, 'dist/lambda');
/** The Lambda authorizer for `-c authorizer=jwt` (src/authorizer/lambda.ts), deployed only in that mode. */
export const AUTHORIZER_DIST = path.join(root, 'dist/authorizer');

export const LAMBDA_BUILD_OPTIONS: BuildOptions = {
  entryPoints: [path.join(root, 'src/lambda.ts')],
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

export async function buildLambda(outdir: string = LAMBDA_DIST): Promise<string> {
  // Nothing stale (an old source map, say) may ride along in the deployed asset.
  await rm(outdir, { recursive: true, force: true });
  await build({ ...LAMBDA_BUILD_OPTIONS, outfile: path.join(outdir, 'index.js') });
  return outdir;
}

export async function buildAuthorizer(outdir: string = AUTHORIZER_DIST): Promise<string> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...LAMBDA_BUILD_OPTIONS,
    entryPoints: [path.join(root, 'src/authorizer/lambda.ts')],
    outfile: path.join(outdir, 'index.js'),
  });
  return outdir;
}

if (require.main === module) {
  Promise.all([buildLambda(), buildAuthorizer()]).then(
    (outdirs) => {
      for (const outdir of outdirs) console.log(`built ${path.relative(root, outdir)}/index.js`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
