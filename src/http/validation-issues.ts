import type { ErrorObject } from 'ajv';
import { escapePointerToken, unescapePointerToken } from '../spec/openapi-document';
import type { FieldIssue } from './errors';

/**
 * What a parameter's text must be to be read as an integer: decimal digits, an optional minus, no
 * leading zeros, nothing else. Number() (which ajv's coercion uses) would also take `0x10`, `1e1`,
 * `+5`, `05` and ` 5`. Applied to every integer parameter by scripts/request-router/envelope-schemas.ts.
 */
export const DECIMAL_INTEGER_PATTERN = '^-?(0|[1-9][0-9]*)$';
/** The same for number parameters: JSON's number syntax. */
export const DECIMAL_NUMBER_PATTERN = '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$';

/**
 * Turns ajv errors on the request envelopes (`{ path, query, header }` and `{ requestBody }`, see
 * scripts/request-router/envelope-schemas.ts)
 * into issues a client can act on: a JSON pointer into the body, or a parameter name.
 */
export function toFieldIssues(
  errors: readonly ErrorObject[],
  headerNames: ReadonlyMap<string, string> = new Map(),
): FieldIssue[] {
  // On the rejection path, which must cost no more than a success: one pass, string keys.
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || isCoveredByTypeError(error, errors)) continue;
    const issue = toFieldIssue(error);
    const named =
      // Headers are validated in lower case; name them as the spec declares them.
      'parameter' in issue
        ? { parameter: headerNames.get(issue.parameter) ?? issue.parameter, detail: issue.detail }
        : issue;
    const key =
      'parameter' in named ? `p${named.parameter}\n${named.detail}` : `b${named.pointer}\n${named.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(named);
  }
  return issues;
}

/** `limit=abc` fails both the decimal pattern and the type: "must be integer" says it all. */
function isCoveredByTypeError(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (error.keyword !== 'pattern') return false;
  const pattern: unknown = error.params.pattern;
  if (pattern !== DECIMAL_INTEGER_PATTERN && pattern !== DECIMAL_NUMBER_PATTERN) return false;
  return errors.some((other) => other.keyword === 'type' && other.instancePath === error.instancePath);
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
    case 'pattern':
      return describePattern(params.pattern, error.parentSchema);
    default:
      return error.message ?? 'is invalid';
  }
}

/** A failed pattern in words: the regular expression itself means nothing to most clients. */
function describePattern(pattern: unknown, schema: unknown): string {
  if (pattern === DECIMAL_INTEGER_PATTERN)
    return 'must be a whole number written in decimal digits, such as 20';
  if (pattern === DECIMAL_NUMBER_PATTERN) return 'must be a number written in decimal digits, such as 2.5';
  const hints: Record<string, unknown> = typeof schema === 'object' && schema !== null ? { ...schema } : {};
  if (typeof hints.description === 'string') return hints.description.trim();
  const example = typeof hints.example === 'string' ? hints.example : JSON.stringify(hints.example);
  if (example !== undefined) return `is not in the expected form (for example: ${example})`;
  return 'is not in the expected form';
}
