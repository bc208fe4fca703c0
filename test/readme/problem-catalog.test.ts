/**
 * docs/problems.md lists the one problem catalog (src/http/problem-types.ts) as it is: one row per
 * problem type with its status and title, and no row for a type the API does not answer with.
 */
import { PROBLEM_TYPES, problemTypeUri } from '../../src/http/problem-types';
import { readGuide } from './markdown';

describe('the problem catalog page', () => {
  const rows = readGuide('docs/problems.md')
    .split('\n')
    .filter((line) => /^\| `\/problems\/[a-z-]+` \|/.test(line));

  it.each(Object.entries(PROBLEM_TYPES))('lists %s with its status and title', (name, problem) => {
    const row = rows.find((line) =>
      line.startsWith(`| \`${problemTypeUri(name as keyof typeof PROBLEM_TYPES)}\` |`),
    );
    expect(row).toContain(`| ${problem.status} | ${problem.title} |`);
  });

  it('lists no other type', () => {
    expect(rows).toHaveLength(Object.keys(PROBLEM_TYPES).length);
  });
});
