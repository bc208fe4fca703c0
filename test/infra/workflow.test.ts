/**
 * The pipeline's order, read from the workflow itself (actionlint checks its syntax in .ci/run):
 * prod follows only a dev stage that passed the contract suite, and every job installs exactly the
 * lockfile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Job {
  readonly needs?: string | readonly string[];
  readonly steps?: ReadonlyArray<{ readonly run?: string; readonly uses?: string }>;
}

const workflow = parse(readFileSync(path.resolve(__dirname, '../../.github/workflows/ci.yml'), 'utf8')) as {
  readonly jobs: Readonly<Record<string, Job>>;
};
const needs = (job: string): readonly string[] => {
  const value = workflow.jobs[job]?.needs;
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
};

describe('the CI workflow', () => {
  it('deploys dev only after the tests and the audit, and prod only after the contract suite passed on dev', () => {
    expect([...needs('deploy-dev')].sort()).toEqual(['audit', 'test']);
    expect(needs('contract-dev')).toEqual(['deploy-dev']);
    expect(needs('deploy-prod')).toEqual(['contract-dev']);
  });

  it('runs the contract suite against the deployed dev stage', () => {
    const runs = (workflow.jobs['contract-dev']?.steps ?? []).map((step) => step.run ?? '').join('\n');

    expect(runs).toContain('npm run test:contract');
    expect(runs).toMatch(/API_BASE_URL=.*ApiUrl/);
  });

  it('audits the production dependencies at high severity', () => {
    const runs = (workflow.jobs.audit?.steps ?? []).map((step) => step.run ?? '');

    expect(runs).toContain('npm audit --omit=dev --audit-level=high');
  });

  it.each(Object.keys(workflow.jobs))('%s installs with npm ci, never npm install', (job) => {
    const runs = (workflow.jobs[job]?.steps ?? []).map((step) => step.run ?? '');

    expect(runs.filter((run) => /\bnpm (install|i)\b/.test(run))).toEqual([]);
  });
});
