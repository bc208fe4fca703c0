import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  baselineVersion,
  changelogVersions,
  checkReleases,
  compareVersions,
  planRelease,
  RELEASES_DIR,
  type ReleaseFiles,
} from '../../scripts/spec-releases';
import { asObject } from '../../src/spec/openapi-document';

const root = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** The repository's own openapi.yaml, CHANGELOG.md and spec-releases/. */
function readRepository(): ReleaseFiles {
  const names = readdirSync(path.join(root, RELEASES_DIR));
  return {
    spec: read('openapi.yaml'),
    changelog: read('CHANGELOG.md'),
    releases: Object.fromEntries(names.map((name) => [name, read(path.join(RELEASES_DIR, name))])),
  };
}

const createSpec = (version: string, title = 'Things'): string =>
  `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: ${version}\npaths: {}\n`;

const createChangelog = (...versions: string[]): string =>
  `# Changelog\n\n${versions.map((version) => `## ${version}\n\nWhat changed.\n`).join('\n')}`;

/** openapi.yaml at 2.0.0, released as 1.0.0 and 2.0.0, both in the changelog; `overrides` breaks one part. */
const createFiles = (overrides: Partial<ReleaseFiles> = {}): ReleaseFiles => ({
  spec: createSpec('2.0.0'),
  changelog: createChangelog('2.0.0', '1.0.0'),
  releases: { 'openapi-1.0.0.yaml': createSpec('1.0.0'), 'openapi-2.0.0.yaml': createSpec('2.0.0') },
  ...overrides,
});

describe('the repository', () => {
  it('has openapi.yaml released, each release copy in CHANGELOG.md and the changelog newest first', () => {
    // Prepare
    const files = readRepository();

    // Act
    const problems = checkReleases(files);

    // Assess
    expect(problems).toEqual([]);
  });

  it('gates openapi.yaml against the release before its own version', () => {
    // Prepare
    const files = readRepository();

    const [current, previous] = changelogVersions(files.changelog);

    // Act
    const baseline = baselineVersion(files);

    // Assess: the changelog is newest first, and openapi.yaml is its newest entry.
    expect(current).toBe(String(asObject(asObject(parse(files.spec)).info).version));
    expect(baseline).toBe(previous);
  });
});

describe('checkReleases', () => {
  it('accepts consistent releases', () => {
    // Act
    const problems = checkReleases(createFiles());

    // Assess
    expect(problems).toEqual([]);
  });

  it.each<[string, Partial<ReleaseFiles>, string]>([
    [
      'an unreleased info.version',
      { spec: createSpec('2.1.0') },
      "openapi.yaml is info.version 2.1.0, which is not released (newest release: 2.0.0): add a '## 2.1.0' entry at the top of CHANGELOG.md, then run `npm run spec:release`",
    ],
    [
      'a spec changed without a version bump',
      { spec: createSpec('2.0.0', 'Renamed') },
      "openapi.yaml differs from spec-releases/openapi-2.0.0.yaml, released as 2.0.0: bump info.version (the major for a breaking change), add a '## <new version>' entry at the top of CHANGELOG.md, then run `npm run spec:release`",
    ],
    [
      'a release copy missing from the changelog',
      { changelog: createChangelog('1.0.0') },
      "spec-releases/openapi-2.0.0.yaml has no '## 2.0.0' entry in CHANGELOG.md",
    ],
    [
      'a changelog entry without a release copy',
      { changelog: createChangelog('2.1.0', '2.0.0', '1.0.0') },
      'CHANGELOG.md lists 2.1.0 but spec-releases/openapi-2.1.0.yaml does not exist',
    ],
    [
      'a changelog oldest first',
      { changelog: createChangelog('1.0.0', '2.0.0') },
      'CHANGELOG.md must list the releases newest first: 2.0.0, 1.0.0',
    ],
    [
      'a release copy whose info.version is not its name',
      {
        releases: { 'openapi-1.0.0.yaml': createSpec('1.0.1'), 'openapi-2.0.0.yaml': createSpec('2.0.0') },
      },
      'spec-releases/openapi-1.0.0.yaml has info.version 1.0.1',
    ],
    [
      'a file in spec-releases/ not named by a version',
      { releases: { ...createFiles().releases, 'openapi-latest.yaml': createSpec('2.0.0') } },
      'spec-releases/openapi-latest.yaml is not named openapi-<major.minor.patch>.yaml',
    ],
  ])('reports %s', (_case, overrides, expected) => {
    // Act
    const problems = checkReleases(createFiles(overrides));

    // Assess
    expect(problems).toEqual([expected]);
  });
});

describe('baselineVersion', () => {
  it.each<[string, string[], string | undefined]>([
    ['2.0.0', ['1.0.0', '2.0.0'], '1.0.0'],
    ['2.1.0', ['1.0.0', '2.0.0'], '2.0.0'],
    ['10.0.0', ['2.0.0', '9.0.0'], '9.0.0'],
    ['1.0.0', ['1.0.0'], undefined],
  ])('for openapi.yaml at %s released as %j is %s', (version, released, expected) => {
    // Prepare
    const releases = Object.fromEntries(released.map((v) => [`openapi-${v}.yaml`, createSpec(v)]));
    const files = createFiles({ spec: createSpec(version), releases });

    // Act
    const baseline = baselineVersion(files);

    // Assess
    expect(baseline).toBe(expected);
  });
});

describe('planRelease', () => {
  it('writes the copy for a new version listed at the top of the changelog', () => {
    // Prepare
    const files = createFiles({
      spec: createSpec('2.1.0'),
      changelog: createChangelog('2.1.0', '2.0.0', '1.0.0'),
    });

    // Act
    const plan = planRelease(files);

    // Assess
    expect(plan).toEqual({ file: 'spec-releases/openapi-2.1.0.yaml' });
  });

  it.each<[string, Partial<ReleaseFiles>, string]>([
    [
      'a version already released',
      {},
      'info.version 2.0.0 is not newer than the newest release, 2.0.0: bump it first',
    ],
    [
      'a version without a changelog entry',
      { spec: createSpec('2.1.0') },
      "add a '## 2.1.0' entry at the top of CHANGELOG.md saying what changed, then run this again",
    ],
    [
      'a version that is not major.minor.patch',
      { spec: createSpec('next') },
      'info.version next is not major.minor.patch',
    ],
  ])('refuses %s', (_case, overrides, expected) => {
    // Act
    const plan = planRelease(createFiles(overrides));

    // Assess
    expect(plan).toEqual({ error: expected });
  });
});

describe('compareVersions', () => {
  it.each([
    ['2.0.0', '10.0.0', -1],
    ['2.10.0', '2.9.0', 1],
    ['1.0.1', '1.0.1', 0],
  ])('orders %s against %s numerically', (a, b, sign) => {
    // Act
    const order = Math.sign(compareVersions(a, b));

    // Assess
    expect(order).toBe(sign);
  });
});
