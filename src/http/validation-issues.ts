import type { ErrorObject } from 'ajv';
import { escapePointerToken, unescapePointerToken } from '../spec/openapi-document';
import type { FieldIssue } from './errors';

/**
 * Turns ajv errors on the request envelopes (`{ path, query, header }` and `{ requestBody }`, see
 * scripts/request-router/envelope-schemas.ts)
 * into issues a client can act on: a JSON pointer into the body, or a parameter name.
 */
export function toFieldIssues(
  errors: readonly ErrorObject[],
  headerNames: ReadonlyMap<string, string> = new Map(),
): FieldIssue[] {
  const issues = errors
    .filter((error) => error.keyword !== 'if')
    .map(toFieldIssue)
    // Headers are validated in lower case; name them as the spec declares them.
    .map((issue) =>
      'parameter' in issue
        ? { ...issue, parameter: headerNames.get(issue.parameter) ?? issue.parameter }
        : issue,
    );
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFieldIssue(error: ErrorObject): FieldIssue {
  const [, section = '', ...rest] = error.instancePath.split('/');
  const child = childName(error);
  if (section === '' && child === 'requestBody') return { pointer: '', detail: 'a request body is required' };
  if (section === 'requestBody') {
    const segments = child === undefined ? rest : [...rest, escapePointerToken(child)];
    return { pointer: segments.length === 0 ? '' : `/${segments.join('/')}`, detail: describe(error) };
  }
  const parameter = rest[0] ?? child ?? section;
  return { parameter: unescapePointerToken(parameter), detail: describe(error) };
}

/** The property an error is about when ajv reports it on the parent object. */
function childName(error: ErrorObject): string | undefined {
  const params: Record<string, unknown> = error.params;
  const name = params.missingProperty ?? params.additionalProperty;
  return typeof name === 'string' ? name : undefined;
}

function describe(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed here';
    case 'enum':
      return `must be one of: ${(Array.isArray(params.allowedValues) ? params.allowedValues : []).map(String).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}
