import { MethodNotAllowedError, RequestValidationError, RouteNotFoundError } from './errors';
import type { OperationId } from './operation-types';
import type { MatchedRoute, RequestRouter, RouteInput, ValidatedParameters } from './request-router';
import { resourceMatcher } from './resource-matcher';
import type { CompiledApi, OperationRoute, Validator } from './route-table';
import { toFieldIssues } from './validation-issues';

interface Entry {
  readonly route: OperationRoute;
  readonly params: Validator;
  readonly body: Validator | undefined;
}

/**
 * RequestRouter on validators compiled ahead of time. Dispatch is a table lookup by the route
 * API Gateway already matched (`resource` + method), so its cost does not grow with the API;
 * only a request without that hint (or for a path the API lacks) walks the templates.
 */
/**
 * `operationIds`: the operations that have handlers (the keys of the handler map); a spec
 * operation outside them fails here, at start-up, rather than on its first request.
 */
export function createPrecompiledRouter(api: CompiledApi, operationIds: readonly string[]): RequestRouter {
  const known = new Set<string>(operationIds);
  const byTemplate = new Map<string, Map<string, OperationId>>();
  const entries = new Map<string, Entry>();
  for (const route of api.operations) {
    const params = api.params[route.operationId];
    if (!isOperationId(route.operationId, known) || params === undefined) {
      throw new Error(
        `Operation ${route.operationId} has no handler type or no compiled validator; run npm run generate`,
      );
    }
    const methods = byTemplate.get(route.template) ?? new Map<string, OperationId>();
    methods.set(route.method, route.operationId);
    byTemplate.set(route.template, methods);
    entries.set(route.operationId, { route, params, body: api.bodies[route.operationId] });
  }
  const matchPath = resourceMatcher([...byTemplate.keys()]);

  return {
    match(method, path, gatewayRoute) {
      let template = gatewayRoute?.template;
      let pathParameters = gatewayRoute?.parameters;
      if (template === undefined || !byTemplate.has(template)) {
        const found = matchPath(path);
        if (found === undefined) throw new RouteNotFoundError(path);
        template = found.resource;
        pathParameters = found.pathParameters;
      }
      const methods = byTemplate.get(template);
      const operationId = methods?.get(method);
      const entry = operationId === undefined ? undefined : entries.get(operationId);
      if (operationId === undefined || entry === undefined)
        throw new MethodNotAllowedError(method, [...(methods?.keys() ?? [])]);
      return {
        operationId,
        requestMediaTypes: entry.route.requestMediaTypes,
        pathParameters: pathParameters ?? {},
      };
    },

    validate(route: MatchedRoute, input: RouteInput): ValidatedParameters {
      const entry = entries.get(route.operationId);
      if (entry === undefined) throw new Error(`Unknown operation ${route.operationId}`);
      // ajv coerces and fills defaults in place. The query is copied: the spec gives it numbers and
      // defaults. Path and header values are per-request objects whose coerced form is what we return.
      const envelope = { path: route.pathParameters, query: { ...input.query }, header: input.headers };
      const paramsValid = entry.params(envelope);
      // An absent body fails the body schema exactly when the operation requires one.
      const bodyValid =
        entry.body === undefined || entry.body(input.body === undefined ? {} : { requestBody: input.body });
      if (!paramsValid || !bodyValid) {
        const errors = [
          ...(paramsValid ? [] : (entry.params.errors ?? [])),
          ...(bodyValid ? [] : (entry.body?.errors ?? [])),
        ];
        throw new RequestValidationError(
          toFieldIssues(errors, new Map(Object.entries(entry.route.headerNames))),
        );
      }
      return { path: envelope.path, query: envelope.query };
    },
  };
}

function isOperationId(id: string, known: ReadonlySet<string>): id is OperationId {
  return known.has(id);
}
