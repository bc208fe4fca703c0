/**
 * Compiles the request validators of a spec, ahead of time (`npm run generate` writes them to
 * generated/ as standalone code, so a cold start compiles nothing) or in memory (for benchmarks
 * over synthetic specs, and tests).
 */
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import type { CompiledApi, Router, Validator } from '../../src/http/router';
import { createRouter } from '../../src/http/router';
import { type OperationSchemas, operationSchemas } from './envelope-schemas';

type Kind = 'params' | 'body';

function newAjv(kind: Kind, standalone: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    // Parameters arrive as text: coerce them to their schema types and fill the spec's defaults.
    // Bodies are JSON already: coercion there would accept `"name": 42` as "42".
    coerceTypes: kind === 'params',
    useDefaults: kind === 'params',
    // Errors carry the schema they failed (`parentSchema`): a failed pattern is explained by the
    // schema's description or example, never by the regular expression.
    verbose: true,
    ...(standalone && {
      code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
    }),
  });
  addFormats(ajv);
  return ajv;
}

function schemasOf(operations: readonly OperationSchemas[], kind: Kind): Array<[string, object]> {
  return operations.flatMap(({ route, params, body }) => {
    const schema = kind === 'params' ? params : body;
    return schema === undefined ? [] : [[route.operationId, schema] as [string, object]];
  });
}

/** The spec's routes and validators, compiled in this process. */
export function compileApi(spec: unknown): CompiledApi {
  const operations = operationSchemas(spec);
  const compile = (kind: Kind): Record<string, Validator> => {
    const ajv = newAjv(kind, false);
    return Object.fromEntries(schemasOf(operations, kind).map(([id, schema]) => [id, ajv.compile(schema)]));
  };
  return {
    operations: operations.map(({ route }) => route),
    params: compile('params'),
    bodies: compile('body'),
  };
}

/** A router over any spec, compiled in memory; for benchmarks of synthetic specs. */
export function compileRouter(spec: unknown): Router {
  const api = compileApi(spec);
  // Every operation of the given spec counts as handled: a synthetic spec's ids are opaque keys here.
  return createRouter(
    api,
    api.operations.map(({ operationId }) => operationId),
  );
}

/** The generated/ sources: the route table as data and each validator set as a CommonJS module. */
export function standaloneSources(spec: unknown): { routes: string; params: string; bodies: string } {
  const operations = operationSchemas(spec);
  const source = (kind: Kind): string => {
    const ajv = newAjv(kind, true);
    const exports: Record<string, string> = {};
    for (const [id, schema] of schemasOf(operations, kind)) {
      ajv.addSchema(schema, id);
      exports[id] = id;
    }
    return standaloneCode(ajv, exports);
  };
  return {
    routes: JSON.stringify(
      operations.map(({ route }) => route),
      null,
      2,
    ),
    params: source('params'),
    bodies: source('body'),
  };
}
