/**
 * What shadow-mode response validation checks, derived from the spec ahead of time
 * (`npm run generate`): a table of each operation's documented responses (status → required
 * headers, media types → body schema key), generated/response-table.js, and one ajv validator per
 * distinct body schema, generated/response-validators.js (standalone code). A component schema
 * shared by many responses (Problem, Item) compiles once. Only the response validation
 * middleware loads them, lazily, on its first sample.
 */
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import type { ResponseTable } from '../src/http/middleware/response-validation';
import { asArray, asObject, deref, isObject, type Json, operationsOf } from '../src/spec/openapi-document';

/**
 * Where the spec's component schemas are registered, so `$ref`s between them resolve. Absolute, so
 * a `$ref` inside an inline schema (a problem response's `allOf`) resolves whatever its key.
 */
const COMPONENTS_ID = 'https://items-api.invalid/openapi.json';
const RESPONSE_REF = /^#\/components\/responses\/([^/]+)$/;
const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

export interface ResponseSchemas {
  readonly table: ResponseTable;
  /** Body schemas by key: a component's name, or `<operationId> <status> <media type>` for an inline one. */
  readonly schemas: ReadonlyMap<string, Json>;
}

export function responseSchemas(spec: unknown): ResponseSchemas {
  const schemas = new Map<string, Json>();
  const table: Record<string, Record<string, { headers: string[]; content: Record<string, string> }>> = {};
  for (const { operation } of operationsOf(spec)) {
    if (typeof operation.operationId !== 'string') continue;
    const operationId = operation.operationId;
    const responses: (typeof table)[string] = {};
    for (const [status, value] of Object.entries(asObject(operation.responses))) {
      const response = deref(spec, value) ?? {};
      // A shared response component is one schema, however many operations answer with it.
      const component = RESPONSE_REF.exec(String(asObject(value).$ref ?? ''))?.[1];
      const headers = Object.entries(asObject(response.headers))
        .filter(([, header]) => deref(spec, header)?.required === true)
        .map(([name]) => name.toLowerCase());
      const content: Record<string, string> = {};
      for (const [mediaType, media] of Object.entries(asObject(response.content))) {
        const schema = asObject(deref(spec, media)).schema;
        if (!isObject(schema)) continue;
        // A problem response narrows Problem to its types (allOf: Problem, a `type` enum): the shadow
        // check validates the Problem it builds on, compiled once, not a copy per response (it was
        // 80 KB of the bundle); the contract suites check the enums.
        const first = asArray(schema.allOf)[0];
        const base = isObject(first) ? first : schema;
        const ref = typeof base.$ref === 'string' ? COMPONENT_REF.exec(base.$ref)?.[1] : undefined;
        const inline =
          component === undefined ? `${operationId} ${status} ${mediaType}` : `${component} ${mediaType}`;
        const key = ref === undefined ? inline : decodeURIComponent(ref);
        schemas.set(key, retarget(ref === undefined ? schema : { $ref: base.$ref }) as Json);
        content[mediaType] = key;
      }
      responses[status] = { headers, content };
    }
    table[operationId] = responses;
  }
  return { table, schemas };
}

/** Points local `$ref`s (`#/components/schemas/Item`) at the registered components. */
function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string' && child.startsWith('#')
        ? `${COMPONENTS_ID}${child}`
        : retarget(child),
    ]),
  );
}

function newAjv(spec: unknown, standalone: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    // The first difference is enough for a shadow-mode log line, and the code is half the size.
    allErrors: false,
    // Item is validated by the Item and the ItemPage schemas: one function, called from both.
    inlineRefs: false,
    // Keyword and params say what failed; message strings would add a third to the code.
    messages: false,
    ...(standalone && {
      code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
    }),
  });
  addFormats(ajv);
  ajv.addSchema({
    $id: COMPONENTS_ID,
    components: { schemas: asObject(asObject(asObject(spec).components).schemas) },
  });
  return ajv;
}

/** generated/response-validators.js: the body validators as a CommonJS module keyed by schema key. */
export function responseValidatorsSource(spec: unknown): string {
  const ajv = newAjv(spec, true);
  const exports: Record<string, string> = {};
  for (const [key, schema] of responseSchemas(spec).schemas) {
    ajv.addSchema(schema, key);
    exports[key] = key;
  }
  return standaloneCode(ajv, exports);
}

/** generated/response-table.js: the documented responses of every operation, as CommonJS. */
export function responseTableSource(spec: unknown): string {
  const { table } = responseSchemas(spec);
  return `exports.responses = ${JSON.stringify(table, null, 2)};\n`;
}
