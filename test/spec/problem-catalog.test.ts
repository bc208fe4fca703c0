/**
 * The problem catalog is part of the contract: each documented error response names the problem
 * types it can carry (a `type` enum), and those must be the catalog's (src/http/problem-types.ts)
 * with the same status, so the spec and the code cannot drift.
 */
import spec from '../../generated/openapi.json';
import { PROBLEM_TYPES, type ProblemName } from '../../src/http/problem-types';
import { asArray, asObject, isObject, operationsOf, resolvePointer } from '../../src/spec/openapi-document';

/** Catalog entries no operation of the spec documents, and why. */
const NOT_IN_THE_SPEC: Readonly<Partial<Record<ProblemName, string>>> = {
  'method-not-allowed': 'answered for a method the path does not have: no operation to document it on',
  'request-timeout': 'the local gateway closes a connection whose request never arrived in time',
  'bad-gateway': 'the gateway answers it when the function fails; not an answer of any operation',
  'gateway-timeout': 'the gateway answers it when the function does not answer in time',
};

const PROBLEM_PREFIX = '/problems/';

/** Every problem response of every operation: its status and the `type` enum of its schema. */
function documentedProblems(): Array<{ where: string; status: number; types: string[] }> {
  const found: Array<{ where: string; status: number; types: string[] }> = [];
  for (const { template, method, operation } of operationsOf(spec)) {
    for (const [status, reference] of Object.entries(asObject(asObject(operation).responses))) {
      const ref = asObject(reference).$ref;
      const response = typeof ref === 'string' ? asObject(resolvePointer(spec, ref)) : asObject(reference);
      const media = asObject(asObject(response.content)['application/problem+json']);
      if (!isObject(media.schema)) continue;
      const types = asArray(media.schema.allOf).flatMap((part) => {
        const type = asObject(asObject(asObject(part).properties).type);
        return asArray(type.enum).filter((value): value is string => typeof value === 'string');
      });
      found.push({ where: `${method.toUpperCase()} ${template} ${status}`, status: Number(status), types });
    }
  }
  return found;
}

describe('problem types in the spec', () => {
  const problems = documentedProblems();

  it.each(problems.map((each) => [each.where, each]))('%s names its problem types', (_where, problem) => {
    expect(problem.types.length).toBeGreaterThan(0);
    for (const type of problem.types) {
      expect(type.startsWith(PROBLEM_PREFIX)).toBe(true);
      const name = type.slice(PROBLEM_PREFIX.length);
      expect(Object.keys(PROBLEM_TYPES)).toContain(name);
      expect([type, PROBLEM_TYPES[name as ProblemName].status]).toEqual([type, problem.status]);
    }
  });

  it('documents every catalog entry on some operation, or says why not', () => {
    const documented = new Set(problems.flatMap((each) => each.types));

    const missing = (Object.keys(PROBLEM_TYPES) as ProblemName[]).filter(
      (name) => !documented.has(`${PROBLEM_PREFIX}${name}`) && NOT_IN_THE_SPEC[name] === undefined,
    );
    const listedButDocumented = Object.keys(NOT_IN_THE_SPEC).filter((name) =>
      documented.has(`${PROBLEM_PREFIX}${name}`),
    );

    expect({ missing, listedButDocumented }).toEqual({ missing: [], listedButDocumented: [] });
  });
});
