/**
 * How an error kind becomes a problem: each owner of errors (the HTTP core here, each resource in
 * its module.ts) declares a ProblemMap over its error union, so a kind without a problem does not
 * compile; problem.ts renders what the entries say, and nothing else renders problem+json.
 */
import type { components } from '../../generated/openapi';
import type { ProblemName } from './problem-types';

type Problem = components['schemas']['Problem'];

/** A problem of the catalog, for one occurrence. */
export interface MappedProblem {
  readonly name: ProblemName;
  /** The occurrence's detail; the catalog's default when absent. */
  readonly detail?: string;
  readonly errors?: Readonly<Problem['errors']>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Errors with a problem carry a literal kind. */
export interface KindedError {
  readonly kind: string;
}

/** One kind's problem: its class (so an impostor with the same kind is not trusted) and its mapping. */
export interface ProblemEntry<Kind extends string> {
  /** The problem of `error` when it is of this entry's class; undefined otherwise. */
  readonly problemOf: (error: object) => MappedProblem | undefined;
  /** Only types the entry: an entry for one kind cannot stand for another. */
  readonly kind?: Kind;
}

/** One entry per kind of the union `E`. */
export type ProblemMap<E extends KindedError> = { readonly [K in E['kind']]: ProblemEntry<K> };

/** The entry mapping errors of class `type` to a problem. */
export function problem<E extends KindedError>(
  type: abstract new (...args: never[]) => E,
  toProblem: (error: E) => MappedProblem,
): ProblemEntry<E['kind']> {
  return { problemOf: (error) => (error instanceof type ? toProblem(error) : undefined) };
}

/** Every kind's entry, looked up by the thrown error's kind. */
export type ProblemRegistry = ReadonlyMap<string, ProblemEntry<string>>;

/** One registry from several maps; a kind declared twice is a wiring mistake, refused at start. */
export function problemRegistry(
  maps: readonly Readonly<Record<string, ProblemEntry<string>>>[],
): ProblemRegistry {
  const registry = new Map<string, ProblemEntry<string>>();
  for (const map of maps) {
    for (const [kind, entry] of Object.entries(map)) {
      if (registry.has(kind)) throw new Error(`Error kind ${kind} has two problems`);
      registry.set(kind, entry);
    }
  }
  return registry;
}
