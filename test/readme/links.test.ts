/**
 * Every relative link and #anchor in the README, docs/ and the SDK's README resolves: the file or
 * folder exists, and an anchor names a heading of the target page by GitHub's slug rules.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { guidePaths, headingAnchors, linkTargets, ROOT, readGuide } from './markdown';

const PAGES = [...guidePaths(), 'clients/typescript/README.md'];
/** Every link of a page that does not resolve, as `file:line → target (why)`. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const { target, line } of linkTargets(readGuide(file))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: … are not ours to check
    const [pathPart = '', anchor] = target.split('#', 2);
    const resolved =
      pathPart === ''
        ? file
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart)));
    const where = `${file}:${line} → ${target}`;
    if (resolved.startsWith('..') || !existsSync(path.join(ROOT, resolved)))
      broken.push(`${where} (no such file)`);
    else if (
      anchor !== undefined &&
      resolved.endsWith('.md') &&
      !headingAnchors(readGuide(resolved)).has(anchor)
    ) {
      broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

describe('links in the README, docs/ and the SDK README', () => {
  it.each(PAGES)('%s has no broken relative link or anchor', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('finds links in prose only, and anchors by GitHub slug rules', () => {
    // Prepare
    const markdown = [
      '# Deploying to AWS',
      '## Options (`-c key=value`)',
      '## What was verified offline, and what only a deploy shows',
      '## Options (`-c key=value`)',
      'See [the options](#options--c-keyvalue) and `[not a link](nowhere.md)`.',
      '```md',
      '[in a fence](nowhere.md)',
      '```',
    ].join('\n');

    // Act
    const anchors = headingAnchors(markdown);
    const targets = linkTargets(markdown).map(({ target }) => target);

    // Assess
    expect([...anchors]).toEqual([
      'deploying-to-aws',
      'options--c-keyvalue',
      'what-was-verified-offline-and-what-only-a-deploy-shows',
      'options--c-keyvalue-1',
    ]);
    expect(targets).toEqual(['#options--c-keyvalue']);
  });
});
