/**
 * The spec's operations at runtime, for tests that cover every one of them: the generated route
 * table, narrowed to the generated operation ids. Per-operation tables in tests are typed
 * `satisfies { [Id in OperationId]: … }`, so a new operation in openapi.yaml fails to compile
 * until each table has a row for it; this is the list they are walked by.
 */
import type { operations as contract } from '../../generated/openapi';
import { operations as routes } from '../../generated/routes';
import type { OperationId } from '../../src/http/operation-types';
import type { OperationRoute } from '../../src/http/router';
import { handlers } from '../../src/resources';

export interface Route extends OperationRoute {
  readonly operationId: OperationId;
}

/**
 * Path parameters of an operation, as the spec types them; an empty object for none (the spec's
 * `path?: never`, which is optional where real ones are required).
 */
export type PathParameters<Id extends OperationId> = contract[Id]['parameters'] extends { path: infer P }
  ? P
  : Record<string, never>;

/** A status the spec documents for the operation. */
export type DocumentedStatus<Id extends OperationId> = keyof contract[Id]['responses'] & number;

const isOperationId = (id: string): id is OperationId => Object.hasOwn(handlers, id);

/** Every operation, in the order openapi.yaml lists them. */
export const ROUTES: readonly Route[] = routes.map((route) => {
  const { operationId } = route;
  if (!isOperationId(operationId))
    throw new Error(`generated/routes.ts has ${operationId}, which the handler map lacks: regenerate`);
  return { ...route, operationId };
});

/** The concrete path of a route: each `{name}` in its template replaced by the encoded parameter. */
export function pathOf(route: Route, parameters: Readonly<Record<string, unknown>>): string {
  return route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`${route.operationId}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}
