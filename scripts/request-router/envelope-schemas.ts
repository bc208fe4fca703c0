/**
 * The request schemas of every operation, derived from the spec at build time: one schema for the
 * parameters (`{ path, query, header }`, validated with coercion and defaults) and one for the
 * body (`{ requestBody }`, validated strictly), with all `$ref`s inlined. Validation errors point
 * into these envelopes (`/query/limit`, `/requestBody/name`), which http/validation-issues.ts reads.
 */
import type { OperationRoute } from '../../src/http/router';
import { DECIMAL_INTEGER_PATTERN, DECIMAL_NUMBER_PATTERN } from '../../src/http/validation-issues';
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
  // Inlined so each schema compiles on its own; stripAnnotations (on each operation's schemas) then
  // rebuilds every object, so the targets inlineRefs shares become separate copies. The spec is not
  // recursive.
  const resolved = asObject(inlineRefs(spec));
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
        params: asObject(stripAnnotations(paramsSchema(parameters))),
        ...(bodyMedia !== undefined &&
          isObject(bodyMedia.schema) && {
            body: {
              type: 'object',
              properties: { requestBody: stripAnnotations(bodyMedia.schema) },
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
    const numeric = inSection.flatMap((parameter) => {
      const pattern = numericPattern(parameter.schema);
      return pattern === undefined ? [] : [[name(parameter), { pattern }]];
    });
    return {
      type: 'object',
      additionalProperties,
      // Checked on the text as it arrived, before coercion turns it into a number: ajv coerces
      // with Number(), which reads `0x10`, `1e1` and `  5` as numbers. A keyword without a type
      // runs before `properties`, where the coercion happens.
      ...(numeric.length > 0 && { allOf: [{ properties: Object.fromEntries(numeric) }] }),
      properties: Object.fromEntries(inSection.map((parameter) => [name(parameter), withExample(parameter)])),
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

/** The pattern a parameter's text must match to be read as its schema's integer or number. */
function numericPattern(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (schema.type === 'integer') return DECIMAL_INTEGER_PATTERN;
  if (schema.type === 'number') return DECIMAL_NUMBER_PATTERN;
  return undefined;
}

/**
 * The parameter's schema, carrying the parameter's example when it has a pattern: a value that
 * does not match is then described by the example (validation-issues.ts), never by the regex.
 */
function withExample(parameter: Json): Json {
  const schema = isObject(parameter.schema) ? parameter.schema : {};
  return schema.pattern !== undefined && schema.example === undefined && parameter.example !== undefined
    ? { ...schema, example: parameter.example }
    : schema;
}

/**
 * Drops annotations, which validate nothing but would be copied into the generated code, except a
 * patterned schema's description and example. Property names are kept even when they read like
 * annotations (`description` is an item field).
 */
function stripAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripAnnotations);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ANNOTATIONS.has(key) || isPatternHint(value, key))
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

/** What a client is told when a value does not match a pattern: its description, else its example. */
function isPatternHint(schema: Json, key: string): boolean {
  if (typeof schema.pattern !== 'string') return false;
  return key === 'description' || (key === 'example' && schema.description === undefined);
}
