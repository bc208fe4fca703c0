/**
 * `npm run --silent token -- <subject>`: prints a one-hour bearer token for the local server, and
 * nothing else, so `curl -H "Authorization: Bearer $(npm run --silent token -- alice)"` works.
 */

import { DATA_DIR } from '../engines/data-dir';
import { loadLocalIdentity } from './identity';

async function main(): Promise<void> {
  const subject = process.argv[2];
  if (subject === undefined || subject.trim() === '' || process.argv.length > 3) {
    console.error('usage: npm run --silent token -- <subject>');
    process.exit(2);
  }
  const identity = await loadLocalIdentity(DATA_DIR);
  process.stdout.write(`${await identity.issue(subject)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
