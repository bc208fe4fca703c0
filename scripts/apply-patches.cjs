/**
 * npm's `postinstall`: applies patches/ with patch-package. Plain CommonJS, as it runs before
 * anything else is usable. The one patched package (the local S3 server) and patch-package are
 * devDependencies: an install without them (`npm ci --omit=dev`, `NODE_ENV=production`) has
 * nothing to patch and must not fail for want of the tool.
 */
const { spawnSync } = require('node:child_process');

let cli;
try {
  cli = require.resolve('patch-package/index.js');
} catch {
  console.log('patch-package is not installed (no devDependencies): no patches to apply');
  process.exit(0);
}
const { status } = spawnSync(process.execPath, [cli, '--error-on-fail'], { stdio: 'inherit' });
process.exit(status ?? 1);
