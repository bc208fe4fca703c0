/**
 * Routing, in one module: find the operation for a request and validate the request against the
 * spec. One vocabulary throughout: a *template* is the spec's path (`/items/{itemId}`, API
 * Gateway's `resource`); a *route hint* is the template the gateway already matched; a *route
 * match* is everything `validate()` needs, so nothing is looked up twice.
 *
 * Validators are compiled ahead of time (generated/*-validators.js). Dispatch is a table lookup
 * by the hint, so its cost does not grow with the API; only a request without one (or for a path
 * the API lacks) walks the templates.
 */
import type { ErrorObject } from 'ajv';
import { MethodNotAllowedError, RequestValidationError, RouteNotFoundError } from './errors';
import type { RouteHint } from './http-types';
import type { OperationId } from './operation-types';
import { toFieldIssues } from './validation-issues';

/** What the router needs to know about one operation, generated from the spec (generated/routes.ts). */
export interface OperationRoute {
  readonly operationId: string;
  /** Upper case. */
  readonly method: string;
  /** The spec's path template, e.g. `/items/{itemId}`. */
  readonly template: string;
  /** Media types the request body may have; empty when the operation takes no body. */
  readonly requestMediaTypes: readonly string[];
  /** Header parameter names, lower case to declared case. */
  readonly headerNames: Readonly<Record<string, string>>;
}

/** An ajv validator, precompiled at build time (generated/*-validators.js) or compiled in memory. */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface CompiledApi {
  readonly operations: readonly OperationRoute[];
  /** Per operationId: validates `{ path, query, header }`, coercing parameters and filling defaults. */
  readonly params: Readonly<Record<string, Validator>>;
  /** Per operationId with a body: validates `{ requestBody }` without coercion. */
  readonly bodies: Readonly<Record<string, Validator>>;
}

interface CompiledOperation {
  readonly route: OperationRoute;
  readonly operationId: OperationId;
  readonly params: Validator;
  readonly body: Validator | undefined;
  readonly headerNames: ReadonlyMap<string, string>;
}

/** The operation a request was routed to, with its raw path parameters (before validation). */
export interface RouteMatch {
  readonly operationId: OperationId;
  readonly template: string;
  /** Media types the operation's request body may have; empty when it takes no body. */
  readonly requestMediaTypes: readonly string[];
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly operation: CompiledOperation;
}

export interface RequestInput {
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined when the request has none. */
  readonly body: unknown;
}

export interface ValidatedParameters {
  readonly path: Record<string, unknown>;
  /** Coerced to the schema's types, with the spec's defaults filled in. */
  readonly query: Record<string, unknown>;
}

export interface Router {
  /**
   * Throws RouteNotFoundError or MethodNotAllowedError. `hint` is the template the gateway already
   * matched, when it says; the path is matched against the spec's templates otherwise.
   */
  match(method: string, path: string, hint?: RouteHint): RouteMatch;
  /** Throws RequestValidationError naming every invalid field and parameter. */
  validate(match: RouteMatch, input: RequestInput): ValidatedParameters;
}

/**
 * `operationIds`: the operations that have handlers (the keys of the handler map); a spec
 * operation outside them fails here, at start-up, rather than on its first request.
 */
export function createRouter(api: CompiledApi, operationIds: readonly string[]): Router {
  const known = new Set<string>(operationIds);
  const byTemplate = new Map<string, Map<string, CompiledOperation>>();
  for (const route of api.operations) {
    const params = api.params[route.operationId];
    if (!isOperationId(route.operationId, known) || params === undefined) {
      throw new Error(
        `Operation ${route.operationId} has no handler type or no compiled validator; run npm run generate`,
      );
    }
    const methods = byTemplate.get(route.template) ?? new Map<string, CompiledOperation>();
    methods.set(route.method, {
      route,
      operationId: route.operationId,
      params,
      body: api.bodies[route.operationId],
      headerNames: new Map(Object.entries(route.headerNames)),
    });
    byTemplate.set(route.template, methods);
  }
  const matchPath = pathMatcher([...byTemplate.keys()]);

  return {
    match(method, path, hint) {
      let template = hint?.template;
      let pathParameters = hint?.pathParameters;
      if (template === undefined || !byTemplate.has(template)) {
        const found = matchPath(path);
        if (found === undefined) throw new RouteNotFoundError(path);
        template = found.template;
        pathParameters = found.pathParameters;
      }
      const methods = byTemplate.get(template);
      const operation = methods?.get(method);
      if (operation === undefined) throw new MethodNotAllowedError(method, [...(methods?.keys() ?? [])]);
      return {
        operationId: operation.operationId,
        template,
        requestMediaTypes: operation.route.requestMediaTypes,
        pathParameters: pathParameters ?? {},
        operation,
      };
    },

    validate({ operation, pathParameters }, input) {
      // ajv coerces and fills defaults in place. The query is copied: the spec gives it numbers and
      // defaults. Path and header values are per-request objects whose coerced form is what we return.
      const envelope = { path: { ...pathParameters }, query: { ...input.query }, header: input.headers };
      const paramsValid = operation.params(envelope);
      // An absent body fails the body schema exactly when the operation requires one.
      const bodyValid =
        operation.body === undefined ||
        operation.body(input.body === undefined ? {} : { requestBody: input.body });
      if (!paramsValid || !bodyValid) {
        const errors = [
          ...(paramsValid ? [] : (operation.params.errors ?? [])),
          ...(bodyValid ? [] : (operation.body?.errors ?? [])),
        ];
        throw new RequestValidationError(toFieldIssues(errors, operation.headerNames));
      }
      return { path: envelope.path, query: envelope.query };
    },
  };
}

function isOperationId(id: string, known: ReadonlySet<string>): id is OperationId {
  return known.has(id);
}

/** A template a path matched, with the path parameters it bound (percent-decoded). */
export interface PathMatch {
  readonly template: string;
  readonly pathParameters: Record<string, string>;
}

export type PathMatcher = (path: string) => PathMatch | undefined;

/**
 * Matches a request path to one of the API's templates (`/items/{itemId}`), as API Gateway does
 * before it calls the function: literal segments beat parameters.
 */
export function pathMatcher(templates: readonly string[]): PathMatcher {
  const compiled = templates
    .map((template) => ({ template, segments: template.split('/').filter((segment) => segment !== '') }))
    .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  return (path) => {
    const parts = path.split('/').filter((segment) => segment !== '');
    for (const { template, segments } of compiled) {
      if (segments.length !== parts.length) continue;
      const pathParameters: Record<string, string> = {};
      const matches = segments.every((segment, index) => {
        const part = parts[index] ?? '';
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (name === undefined) return segment === part;
        pathParameters[name] = safeDecode(part);
        return true;
      });
      if (matches) return { template, pathParameters };
    }
    return undefined;
  };
}

const literalCount = (segments: readonly string[]): number =>
  segments.filter((segment) => !segment.startsWith('{')).length;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
