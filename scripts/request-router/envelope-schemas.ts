/**
 * The request schemas of every operation, derived from the spec at build time: one schema for the
 * parameters (`{ path, query, header }`, validated with coercion and defaults) and one for the
 * body (`{ requestBody }`, validated strictly), with all `$ref`s inlined. Validation errors point
 * into these envelopes (`/query/limit`, `/requestBody/name`), which http/validation-issues.ts reads.
 */
import type { OperationRoute } from '../../src/http/router';
import {
  asArray,
  asObject,
  type HttpMethod,
  inlineRefs,
  isHttpMethod,
  isObject,
  type Json,
} from '../../src/spec/openapi-document';

export interface OperationSchemas {
  readonly route: OperationRoute;
  readonly params: Json;
  readonly body?: Json;
}

export function operationSchemas(spec: unknown): OperationSchemas[] {
  if (!isObject(spec) || !isObject(spec.paths)) throw new Error('not an OpenAPI document: no paths');
  // Inlined so each schema compiles on its own; stripAnnotations then rebuilds every object, so the
  // targets inlineRefs shares become separate copies. The spec is not recursive.
  const resolved = asObject(stripAnnotations(inlineRefs(spec)));
  return Object.entries(asObject(resolved.paths)).flatMap(([template, item]) => {
    const pathItem = asObject(item);
    // In the spec's own order, which generated/routes.ts follows.
    const operations = Object.entries(pathItem).filter(
      (entry): entry is [HttpMethod, Json] => isHttpMethod(entry[0]) && isObject(entry[1]),
    );
    return operations.map(([method, operation]) => {
      if (typeof operation.operationId !== 'string')
        throw new Error(`${method.toUpperCase()} ${template} has no operationId`);
      const parameters = [...asArray(pathItem.parameters), ...asArray(operation.parameters)].filter(isObject);
      const content =
        isObject(operation.requestBody) && isObject(operation.requestBody.content)
          ? operation.requestBody.content
          : undefined;
      const bodyMedia =
        content === undefined
          ? undefined
          : ((content['application/json'] ?? Object.values(content)[0]) as Json | undefined);
      const headerNames = Object.fromEntries(
        parameters
          .filter((parameter) => parameter.in === 'header')
          .map((parameter) => [String(parameter.name).toLowerCase(), String(parameter.name)]),
      );
      const route: OperationRoute = {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        template,
        requestMediaTypes: content === undefined ? [] : Object.keys(content),
        headerNames,
      };
      return {
        route,
        params: paramsSchema(parameters),
        ...(bodyMedia !== undefined &&
          isObject(bodyMedia.schema) && {
            body: {
              type: 'object',
              properties: { requestBody: bodyMedia.schema },
              required:
                isObject(operation.requestBody) && operation.requestBody.required === true
                  ? ['requestBody']
                  : [],
            },
          }),
      };
    });
  });
}

function paramsSchema(parameters: readonly Json[]): Json {
  const section = (location: string, additionalProperties: boolean) => {
    const inSection = parameters.filter((parameter) => parameter.in === location);
    const name = (parameter: Json) =>
      location === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name);
    return {
      type: 'object',
      additionalProperties,
      properties: Object.fromEntries(inSection.map((parameter) => [name(parameter), parameter.schema ?? {}])),
      required: inSection.filter((parameter) => parameter.required === true).map(name),
    };
  };
  // Unknown query parameters are refused (a typo such as `?limt=5` should not pass silently);
  // unknown headers are normal traffic.
  return {
    type: 'object',
    properties: {
      path: section('path', false),
      query: section('query', false),
      header: section('header', true),
    },
    required: ['path', 'query', 'header'],
  };
}

const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'title',
  'summary',
  'externalDocs',
  'deprecated',
]);
/** Keys whose values are data, not schemas: never stripped inside. */
const DATA = new Set(['enum', 'default', 'const', 'required']);

/**
 * Drops annotations, which validate nothing but would be copied into the generated code. Property
 * names are kept even when they read like annotations (`description` is an item field).
 */
function stripAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripAnnotations);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ANNOTATIONS.has(key))
      .map(([key, child]) => {
        if (DATA.has(key)) return [key, child];
        if (key === 'properties' && isObject(child)) {
          return [
            key,
            Object.fromEntries(
              Object.entries(child).map(([name, schema]) => [name, stripAnnotations(schema)]),
            ),
          ];
        }
        return [key, stripAnnotations(child)];
      }),
  );
}
