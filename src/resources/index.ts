/**
 * The API's resources. Adding one is its folder and one line in RESOURCES: the handler map, the
 * handler context, the overrides, the problem registry and the table stream's cascade all derive
 * from this list.
 */
import type { HandlerMap } from '../http/operation-types';
import { items } from './items/module';
import { media } from './media/module';
import type { AnyResource, ResourceDependencies } from './resource-module';

export const RESOURCES = [items, media] as const satisfies readonly AnyResource[];

type Resources = typeof RESOURCES;
/** The members of every element of a tuple, as one type: what spreading them all into one object gives. */
type Merged<T extends readonly unknown[]> = T extends readonly [infer First, ...infer Rest]
  ? First & Merged<Rest>
  : unknown;
type HandlersOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends { handlers: infer H } ? H : never;
};
type ContextsOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends { context: (...args: never[]) => infer C } ? C : never;
};
type OverridesOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends { context: (deps: never, overrides: infer O) => unknown } ? O : never;
};
type ProblemsOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends { problems: infer P } ? P : never;
};

/** Every resource's context, merged: what the app hands each handler. */
export type AppContext = Merged<ContextsOf<Resources>>;
/** What tests may replace in any resource (fault injection). */
export type ResourceOverrides = Merged<OverridesOf<Resources>>;
/** Every kind of error a resource declares a problem for. */
export type ResourceErrorKind = keyof Merged<ProblemsOf<Resources>>;

/** One handler per operationId in openapi.yaml, from every resource; a missing or extra one fails to compile. */
export const handlers = merge<HandlersOf<Resources>>(
  RESOURCES.map((resource) => resource.handlers),
) satisfies HandlerMap<AppContext>;

/** Builds every resource's context, once per container. */
export function createContext(deps: ResourceDependencies, overrides: ResourceOverrides): AppContext {
  return merge<ContextsOf<Resources>>(RESOURCES.map((resource) => resource.context(deps, overrides)));
}

/** Spreads objects into one; two resources serving one operation is a wiring mistake, refused at start. */
function merge<T extends readonly object[]>(parts: readonly object[]): Merged<T> {
  const all: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in all) throw new Error(`Two resources declare ${name}`);
      all[name] = value;
    }
  }
  return all as Merged<T>;
}
