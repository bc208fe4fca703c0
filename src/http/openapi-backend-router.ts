import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document } from 'openapi-backend';
import { MethodNotAllowedError, RequestValidationError, RouteNotFoundError } from './errors';
import type { OperationId } from './operation-types';
import type { MatchedRoute, RequestRouter, RouteInput, ValidatedParameters } from './request-router';
import { toFieldIssues } from './validation-issues';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * RequestRouter on openapi-backend: its router matches the operation, its ajv validators (with
 * formats, all errors, coerced parameters and defaults) check the request against the spec.
 */
export async function createOpenApiBackendRouter(
  definition: Document,
  operationIds: readonly OperationId[],
): Promise<RequestRouter> {
  const api = new OpenAPIBackend({
    definition,
    strict: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true, useDefaults: true },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();

  const known = new Set<string>(operationIds);
  const isOperationId = (id: string | undefined): id is OperationId => id !== undefined && known.has(id);

  return {
    match(method, path) {
      const operation = api.router.matchOperation({ method, path, headers: {} });
      if (operation === undefined) {
        const allowed = METHODS.filter((m) => api.router.matchOperation({ method: m, path, headers: {} }));
        if (allowed.length === 0) throw new RouteNotFoundError(path);
        throw new MethodNotAllowedError(method, allowed);
      }
      if (!isOperationId(operation.operationId)) {
        throw new Error(
          `Operation ${String(operation.operationId)} in the spec is not in the generated types`,
        );
      }
      const content =
        operation.requestBody !== undefined && 'content' in operation.requestBody
          ? operation.requestBody.content
          : {};
      return { operationId: operation.operationId, requestMediaTypes: Object.keys(content) };
    },

    validate(route: MatchedRoute, input: RouteInput): ValidatedParameters {
      const operation = api.router.getOperation(route.operationId);
      if (operation === undefined) throw new Error(`Unknown operation ${route.operationId}`);
      const parsed = api.router.parseRequest(
        {
          method: 'GET',
          path: input.path,
          headers: { ...input.headers },
          query: toMutableQuery(input.query),
        },
        operation,
      );
      // The validators run on this envelope directly (not through validateRequest), so the body they
      // check is exactly the value the handler gets; ajv coerces and defaults parameters in place.
      const envelope = {
        path: parsed.params,
        query: parsed.query,
        header: parsed.headers,
        cookie: parsed.cookies,
        ...(input.body !== undefined && { requestBody: input.body }),
      };
      const errors = (api.validator.getRequestValidatorsForOperation(route.operationId) ?? []).flatMap(
        (validate) => {
          validate(envelope);
          return validate.errors ?? [];
        },
      );
      if (errors.length > 0)
        throw new RequestValidationError(toFieldIssues(errors, headerNames(operation.parameters)));
      return { path: envelope.path, query: envelope.query };
    },
  };
}

function toMutableQuery(query: RouteInput['query']): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, typeof value === 'string' ? value : [...value]]),
  );
}

function headerNames(parameters: readonly unknown[] = []): Map<string, string> {
  const names = new Map<string, string>();
  for (const parameter of parameters) {
    if (typeof parameter === 'object' && parameter !== null && 'in' in parameter && 'name' in parameter) {
      if (parameter.in === 'header' && typeof parameter.name === 'string')
        names.set(parameter.name.toLowerCase(), parameter.name);
    }
  }
  return names;
}
