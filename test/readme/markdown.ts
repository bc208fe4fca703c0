/**
 * What the README and the guides are made of, for the tests that keep them true: their files, their
 * fenced blocks with the mark before each, their links and their headings' anchors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** The line before a fence that makes test/readme run the block against `npm start`. */
export const RUN_MARK = '<!-- readme-test -->';
/** The line before a fence that says why the block is not run: `<!-- illustrative: <reason> -->`. */
const ILLUSTRATIVE_MARK = /^<!-- illustrative: (\S.*\S) -->$/;

/** README.md and every page in docs/, as paths relative to the repository. */
export function guidePaths(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

export const readGuide = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

export interface FencedBlock {
  /** The info string's first word, lower case (`sh`, `ts`, `json`, or `` for none). */
  readonly lang: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly mark:
    | { readonly kind: 'run' }
    | { readonly kind: 'illustrative'; readonly reason: string }
    | undefined;
}

/** Every fenced block of a Markdown text, in order, with the mark on the line before its fence. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[index] ?? '');
    if (open === null) continue;
    const fence = open[1] ?? '```';
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !(lines[index] ?? '').trim().startsWith(fence); index++) {
      body.push(lines[index] ?? '');
    }
    const before = (lines[start - 1] ?? '').trim();
    const illustrative = ILLUSTRATIVE_MARK.exec(before);
    blocks.push({
      lang: (open[2] ?? '').toLowerCase(),
      body: body.join('\n'),
      line: start + 1,
      mark:
        before === RUN_MARK
          ? { kind: 'run' }
          : illustrative?.[1] !== undefined
            ? { kind: 'illustrative', reason: illustrative[1] }
            : undefined,
    });
  }
  return blocks;
}

/** The lines outside fenced blocks (a fenced line is blank), where links and headings live. */
export function prose(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (fence !== undefined && line.trim().startsWith(fence)) fence = undefined;
    else if (fence === undefined) lines.push(line);
    else lines.push('');
  }
  return lines;
}

/**
 * GitHub's anchor for a heading (github-slugger): the rendered text, lower case, without
 * punctuation other than `-` and `_`, each space a hyphen; a repeated slug gets `-1`, `-2`, ….
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of prose(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*]/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every inline link and image target outside code, with its line. */
export function linkTargets(markdown: string): { target: string; line: number }[] {
  const targets: { target: string; line: number }[] = [];
  prose(markdown).forEach((line, index) => {
    const text = line.replace(/`[^`]*`/g, '');
    for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      if (match[1] !== undefined) targets.push({ target: match[1], line: index + 1 });
    }
  });
  return targets;
}
