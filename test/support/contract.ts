/**
 * Checks an observed response against openapi.yaml with a validator independent of the one the
 * app uses (plain ajv over the spec): the status must be documented for the operation, the content
 * type must be the documented one, and the body and documented headers must match their schemas.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { components } from '../../generated/openapi';
import spec from '../../generated/openapi.json';
import { pathMatcher } from '../../src/http/router';
import {
  deref as derefIn,
  inlineRefs,
  type Json,
  pointerTo,
  resolvePointer,
} from '../../src/spec/openapi-document';

export interface ObservedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const document: Json = spec;
const matchPath = pathMatcher(Object.keys(spec.paths));
const validators = new Map<unknown, ValidateFunction>();

/** Follows a `$ref` at the top of a spec object (responses and headers may be references). */
export function deref(value: unknown): Json | undefined {
  return derefIn(document, value);
}

/** Inlines every `$ref`, so each schema compiles on its own. The spec has no recursive schemas. */
export function inline(value: unknown): unknown {
  return inlineRefs(document, value);
}

export function validatorFor(schema: unknown): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(inline(schema) as object);
    validators.set(schema, validate);
  }
  return validate;
}

export type SchemaName = keyof components['schemas'] & keyof typeof spec.components.schemas;

/** A validator for one of the spec's named schemas that narrows to its generated type. */
export function schemaValidator<Name extends SchemaName>(
  name: Name,
): ValidateFunction<components['schemas'][Name]> {
  return ajv.compile<components['schemas'][Name]>(inline(spec.components.schemas[name]) as object);
}

/** The spec's operation object for a method and concrete path, if any. */
export function operationFor(method: string, path: string): Json | undefined {
  const resource = matchPath(path.split('?')[0] ?? path);
  if (resource === undefined) return undefined;
  const pathItem = deref(resolvePointer(document, pointerTo('paths', resource.template)));
  return deref(pathItem?.[method.toLowerCase()]);
}

function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase();
}

/** Throws, naming the operation and what differs, if the response breaks the contract. */
export function assertMatchesContract(method: string, path: string, response: ObservedResponse): void {
  const where = `${method} ${path} → ${response.status}`;
  const operation = operationFor(method, path);
  if (operation === undefined) {
    // Unknown path or method: not an operation, but still a documented problem shape.
    if (response.status !== 404 && response.status !== 405)
      throw new Error(`${where}: expected 404 or 405 for a route not in the spec`);
    assertBody(where, response, {
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    return;
  }
  const responses = deref(operation.responses);
  const documented = deref(responses?.[String(response.status)]);
  if (documented === undefined) {
    throw new Error(
      `${where}: status ${response.status} is not documented for ${String(operation.operationId)}`,
    );
  }
  assertBody(where, response, deref(documented.content));
  for (const [name, header] of Object.entries(deref(documented.headers) ?? {})) {
    const spec = deref(header);
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) {
      if (spec?.required === true) throw new Error(`${where}: required header ${name} is missing`);
      continue;
    }
    const validate = validatorFor(spec?.schema);
    if (!validate(value))
      throw new Error(`${where}: header ${name}: ${value} ${ajv.errorsText(validate.errors)}`);
  }
}

function assertBody(where: string, response: ObservedResponse, content: Json | undefined): void {
  if (content === undefined) {
    if (response.body !== '')
      throw new Error(`${where}: the spec documents no body, got ${response.body.slice(0, 200)}`);
    return;
  }
  const type = mediaType(response.headers['content-type']);
  const media = type === undefined ? undefined : deref(content[type]);
  if (media === undefined) {
    throw new Error(
      `${where}: content type ${String(type)} is not one of ${Object.keys(content).join(', ')}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new Error(`${where}: body is not JSON: ${response.body.slice(0, 200)}`);
  }
  const validate = validatorFor(media.schema);
  if (!validate(body))
    throw new Error(`${where}: body breaks the schema: ${ajv.errorsText(validate.errors)}\n${response.body}`);
}
