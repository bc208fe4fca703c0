/**
 * Released versions of the contract: a copy of openapi.yaml per release in spec-releases/, each listed in
 * CHANGELOG.md. The breaking-change gate's baseline comes from here, so it survives a clone without tags.
 *
 *   tsx scripts/spec-releases.ts check      problems with the releases (exit 1), nothing when consistent
 *   tsx scripts/spec-releases.ts baseline   the release the gate compares openapi.yaml with
 *   tsx scripts/spec-releases.ts release    (npm run spec:release) copies openapi.yaml as its info.version
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { asObject } from '../src/spec/openapi-document';

/** What the rules read: openapi.yaml, CHANGELOG.md and spec-releases/ (file name → text). */
export interface ReleaseFiles {
  spec: string;
  changelog: string;
  releases: Record<string, string>;
}

export const RELEASES_DIR = 'spec-releases';
const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const RELEASE_FILE = /^openapi-(\d+\.\d+\.\d+)\.yaml$/;
const releaseSteps = (version: string): string =>
  `add a '## ${version}' entry at the top of CHANGELOG.md, then run \`npm run spec:release\``;

export const releaseFile = (version: string): string => `${RELEASES_DIR}/openapi-${version}.yaml`;

const specVersion = (text: string): string => String(asObject(asObject(parse(text)).info).version);

/** Orders `major.minor.patch` versions numerically; anything else sorts first. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => (VERSION.exec(version) ?? []).slice(1).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Released versions, newest first, from the file names in spec-releases/. */
export function releasedVersions(files: ReleaseFiles): string[] {
  return Object.keys(files.releases)
    .flatMap((name) => RELEASE_FILE.exec(name)?.[1] ?? [])
    .sort((a, b) => compareVersions(b, a));
}

/** The versions CHANGELOG.md records, in its order (`## 2.0.0` headings). */
export const changelogVersions = (changelog: string): string[] =>
  [...changelog.matchAll(/^## (\S+)/gm)].flatMap((match) => match[1] ?? []);

/** Every inconsistency between openapi.yaml, the release copies and the changelog, each saying what to do. */
export function checkReleases(files: ReleaseFiles): string[] {
  const problems: string[] = [];
  const released = releasedVersions(files);
  for (const [name, text] of Object.entries(files.releases)) {
    const version = RELEASE_FILE.exec(name)?.[1];
    if (version === undefined) {
      problems.push(`${RELEASES_DIR}/${name} is not named openapi-<major.minor.patch>.yaml`);
    } else if (specVersion(text) !== version) {
      problems.push(`${releaseFile(version)} has info.version ${specVersion(text)}`);
    }
  }
  const listed = changelogVersions(files.changelog);
  for (const version of released.filter((v) => !listed.includes(v))) {
    problems.push(`${releaseFile(version)} has no '## ${version}' entry in CHANGELOG.md`);
  }
  for (const version of listed.filter((v) => !released.includes(v))) {
    problems.push(`CHANGELOG.md lists ${version} but ${releaseFile(version)} does not exist`);
  }
  if (problems.length === 0 && listed.join() !== released.join()) {
    problems.push(`CHANGELOG.md must list the releases newest first: ${released.join(', ')}`);
  }

  const current = specVersion(files.spec);
  const newest = released[0];
  const copy = files.releases[path.basename(releaseFile(current))];
  if (copy === undefined) {
    const than = newest === undefined ? '' : ` (newest release: ${newest})`;
    problems.push(
      `openapi.yaml is info.version ${current}, which is not released${than}: ${releaseSteps(current)}`,
    );
  } else if (copy !== files.spec) {
    problems.push(
      `openapi.yaml differs from ${releaseFile(current)}, released as ${current}: bump info.version ` +
        `(the major for a breaking change), ${releaseSteps('<new version>')}`,
    );
  }
  return problems;
}

/**
 * The release the gate compares openapi.yaml with: the newest one older than openapi.yaml's info.version.
 * Comparing with its own released copy would always pass, since checkReleases keeps the two identical.
 */
export function baselineVersion(files: ReleaseFiles): string | undefined {
  const current = specVersion(files.spec);
  return releasedVersions(files).find((version) => compareVersions(version, current) < 0);
}

/** The release copy to write for openapi.yaml's info.version, or why it cannot be released. */
export function planRelease(files: ReleaseFiles): { file: string } | { error: string } {
  const current = specVersion(files.spec);
  const newest = releasedVersions(files)[0];
  if (!VERSION.test(current)) return { error: `info.version ${current} is not major.minor.patch` };
  if (newest !== undefined && compareVersions(current, newest) <= 0) {
    return {
      error: `info.version ${current} is not newer than the newest release, ${newest}: bump it first`,
    };
  }
  if (changelogVersions(files.changelog)[0] !== current) {
    return {
      error: `add a '## ${current}' entry at the top of CHANGELOG.md saying what changed, then run this again`,
    };
  }
  return { file: releaseFile(current) };
}

const ROOT = path.resolve(__dirname, '..');

function readReleaseFiles(root: string): ReleaseFiles {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const names = readdirSync(path.join(root, RELEASES_DIR));
  return {
    spec: read('openapi.yaml'),
    changelog: read('CHANGELOG.md'),
    releases: Object.fromEntries(names.map((name) => [name, read(path.join(RELEASES_DIR, name))])),
  };
}

function main(command: string | undefined): number {
  const files = readReleaseFiles(ROOT);
  if (command === 'check') {
    const problems = checkReleases(files);
    for (const problem of problems) console.error(`spec-releases: ${problem}`);
    return problems.length === 0 ? 0 : 1;
  }
  if (command === 'baseline') {
    const version = baselineVersion(files);
    if (version !== undefined) console.log(releaseFile(version));
    return 0;
  }
  if (command === 'release') {
    const plan = planRelease(files);
    if ('error' in plan) {
      console.error(`spec:release: ${plan.error}`);
      return 1;
    }
    writeFileSync(path.join(ROOT, plan.file), files.spec);
    console.log(`wrote ${plan.file}; commit it with CHANGELOG.md`);
    return 0;
  }
  console.error('usage: spec-releases check|baseline|release');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv[2]);
