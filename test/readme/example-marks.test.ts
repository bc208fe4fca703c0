/**
 * Every shell and TypeScript example in the README and docs/ is either run by a test (marked
 * `<!-- readme-test -->`, see readme-examples.test.ts) or marked `<!-- illustrative: <reason> -->`
 * on the line before its fence, so no example silently goes stale.
 */
import { fencedBlocks, guidePaths, readGuide } from './markdown';

const CODE_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'ts', 'typescript', 'js', 'javascript']);

describe('examples in the README and docs/', () => {
  const blocks = guidePaths().flatMap((file) =>
    fencedBlocks(readGuide(file)).map((block) => ({ where: `${file}:${block.line}`, ...block })),
  );

  it('are each run by a test or marked illustrative with a reason', () => {
    // Act
    const unmarked = blocks
      .filter(({ lang, mark }) => CODE_LANGS.has(lang) && mark === undefined)
      .map(({ where, lang }) => `${where} (${lang})`);

    // Assess
    expect(unmarked).toEqual([]);
  });

  it('mark only the blocks the runner can run: shell', () => {
    const marked = blocks.filter(({ lang, mark }) => mark?.kind === 'run' && lang !== 'sh');
    expect(marked.map(({ where }) => where)).toEqual([]);
  });

  it('recognises both marks and an unmarked block', () => {
    // Prepare
    const markdown = [
      '<!-- readme-test -->',
      '```sh',
      'echo run',
      '```',
      '<!-- illustrative: needs an AWS account -->',
      '```sh',
      'npm run deploy',
      '```',
      '```ts',
      'const x = 1;',
      '```',
    ].join('\n');

    // Act
    const marks = fencedBlocks(markdown).map(({ lang, mark }) => [lang, mark]);

    // Assess
    expect(marks).toEqual([
      ['sh', { kind: 'run' }],
      ['sh', { kind: 'illustrative', reason: 'needs an AWS account' }],
      ['ts', undefined],
    ]);
  });
});
