import { isObject } from '../../src/spec/openapi-document';
import { breaking, compatible, type SpecChange } from './change';

/** One way to authenticate: every scheme it needs, each with the scopes it needs. */
type Alternative = ReadonlyMap<string, ReadonlySet<string>>;

function alternativesOf(requirements: unknown): Alternative[] {
  // No requirement at all means anonymous calls are accepted: one alternative that needs nothing.
  if (!Array.isArray(requirements) || requirements.length === 0) return [new Map()];
  return requirements
    .filter(isObject)
    .map(
      (requirement) =>
        new Map(
          Object.entries(requirement).map(([scheme, scopes]) => [
            scheme,
            new Set(Array.isArray(scopes) ? scopes.map(String) : []),
          ]),
        ),
    );
}

/** Whether credentials that satisfy `held` also satisfy `needed`. */
const satisfies = (held: Alternative, needed: Alternative): boolean =>
  [...needed].every(([scheme, scopes]) => {
    const heldScopes = held.get(scheme);
    return heldScopes !== undefined && [...scopes].every((scope) => heldScopes.has(scope));
  });

const label = (alternative: Alternative): string =>
  alternative.size === 0
    ? 'anonymous calls'
    : [...alternative]
        .map(([scheme, scopes]) => (scopes.size > 0 ? `${scheme} (${[...scopes].join(', ')})` : scheme))
        .join(' + ');

/**
 * Changes to who may call an operation, given its effective `security` before and after. A client holds
 * credentials for one of the old alternatives, so the change breaks clients when an old alternative no
 * longer satisfies any new one: auth required where there was none, a scheme or scope added, an
 * alternative dropped. Changes to the schemes' own definitions are not compared.
 */
export function compareSecurity(location: string, before: unknown, after: unknown): SpecChange[] {
  const was = alternativesOf(before);
  const is = alternativesOf(after);
  const same = (a: Alternative, b: Alternative): boolean => satisfies(a, b) && satisfies(b, a);
  return [
    ...was
      .filter((old) => !is.some((alternative) => satisfies(old, alternative)))
      .map((old) => breaking(location, `no longer accepts ${label(old)}`)),
    ...is
      .filter((alternative) => !was.some((old) => same(old, alternative)))
      .map((alternative) => compatible(location, `now accepts ${label(alternative)}`)),
  ];
}
