import { asObject, HTTP_METHODS, inlineRefs, isObject, type Json } from '../../src/spec/openapi-document';
import { breaking, compatible, type SpecChange } from './change';
import { compareSchemas, type Direction } from './schema-diff';
import { compareSecurity } from './security-diff';

export { RefError } from '../../src/spec/openapi-document';
export type { SpecChange } from './change';

interface KeyedDiff {
  removed(key: string, value: Json): SpecChange[];
  added(key: string, value: Json): SpecChange[];
  both(key: string, before: Json, after: Json): SpecChange[];
}

/** Changes between two maps of the spec (paths, responses, media types…), key by key in document order. */
function diffKeys(before: Json, after: Json, diff: KeyedDiff): SpecChange[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) => {
    if (!Object.hasOwn(after, key)) return diff.removed(key, asObject(before[key]));
    if (!Object.hasOwn(before, key)) return diff.added(key, asObject(after[key]));
    return diff.both(key, asObject(before[key]), asObject(after[key]));
  });
}

/** A change of `required` on a parameter, body or header: `breaksWhenSet` says which way breaks clients. */
function requiredness(
  location: string,
  thing: string,
  before: Json,
  after: Json,
  breaksWhenSet: boolean,
): SpecChange[] {
  const was = before.required === true;
  const is = after.required === true;
  if (was === is) return [];
  const message = `${thing} is ${is ? 'now' : 'no longer'} required`;
  return [is === breaksWhenSet ? breaking(location, message) : compatible(location, message)];
}

function compareContent(location: string, before: Json, after: Json, direction: Direction): SpecChange[] {
  return diffKeys(before, after, {
    // A request in that type is no longer accepted; a client asking for it in a response no longer gets it.
    removed: (type) => [breaking(`${location} ${type}`, 'media type removed')],
    added: (type) => [compatible(`${location} ${type}`, 'media type added')],
    both: (type, was, is) => compareSchemas(was.schema, is.schema, direction, `${location} ${type}`),
  });
}

/** Path-level parameters overridden by the operation's own, keyed by location and name as OpenAPI does. */
function parametersOf(pathItem: Json, operation: Json): Json {
  const all = [pathItem.parameters, operation.parameters].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  const byKey: Json = {};
  for (const parameter of all.filter(isObject)) {
    const name = String(parameter.name);
    // Header names are case-insensitive on the wire.
    byKey[`${parameter.in} ${parameter.in === 'header' ? name.toLowerCase() : name}`] = parameter;
  }
  return byKey;
}

function compareParameters(where: string, before: Json, after: Json): SpecChange[] {
  const at = (parameter: Json): string => `${where} ${parameter.in} parameter ${parameter.name}`;
  return diffKeys(before, after, {
    // A client still sending it would be rejected by a strict server, or silently lose what it asked for.
    removed: (_, parameter) => [breaking(at(parameter), 'parameter removed')],
    added: (_, parameter) => [
      parameter.required === true
        ? breaking(at(parameter), 'required parameter added')
        : compatible(at(parameter), 'optional parameter added'),
    ],
    both: (_, was, is) => [
      ...requiredness(at(is), 'parameter', was, is, true),
      ...compareSchemas(was.schema, is.schema, 'request', at(is)),
    ],
  });
}

function compareRequestBodies(where: string, before: unknown, after: unknown): SpecChange[] {
  const location = `${where} request body`;
  if (!isObject(after)) return isObject(before) ? [breaking(location, 'request body removed')] : [];
  if (!isObject(before)) {
    return [
      after.required === true
        ? breaking(location, 'required request body added')
        : compatible(location, 'optional request body added'),
    ];
  }
  return [
    ...requiredness(location, 'request body', before, after, true),
    ...compareContent(location, asObject(before.content), asObject(after.content), 'request'),
  ];
}

/** Response headers keyed case-insensitively, each remembering the name it is documented under. */
const headersOf = (response: Json): Json =>
  Object.fromEntries(
    Object.entries(asObject(response.headers)).map(([name, header]) => [
      name.toLowerCase(),
      { ...asObject(header), name },
    ]),
  );

function compareHeaders(location: string, before: Json, after: Json): SpecChange[] {
  const at = (header: Json): string => `${location} header ${header.name}`;
  return diffKeys(before, after, {
    removed: (_, header) => [
      header.required === true
        ? breaking(at(header), 'required header removed')
        : compatible(at(header), 'optional header removed'),
    ],
    added: (_, header) => [compatible(at(header), 'header added')],
    both: (_, was, is) => [
      ...requiredness(at(is), 'header', was, is, false),
      ...compareSchemas(was.schema, is.schema, 'response', at(is)),
    ],
  });
}

function compareResponses(where: string, before: Json, after: Json): SpecChange[] {
  return diffKeys(before, after, {
    // Clients that handle this status specifically would now get an undocumented answer instead.
    removed: (status) => [breaking(`${where} response ${status}`, 'response removed')],
    added: (status) => [compatible(`${where} response ${status}`, 'response added')],
    both: (status, was, is) => {
      const location = `${where} response ${status}`;
      return [
        ...compareHeaders(location, headersOf(was), headersOf(is)),
        ...compareContent(location, asObject(was.content), asObject(is.content), 'response'),
      ];
    },
  });
}

/** The path item's operations keyed by method, without its shared fields (parameters, summary…). */
const operationsByMethod = (pathItem: Json): Json =>
  Object.fromEntries(
    HTTP_METHODS.filter((method) => isObject(pathItem[method])).map((m) => [m, pathItem[m]]),
  );

/** The operation's own `security`, or the document's when it has none (an empty list overrides it). */
const securityOf = (operation: Json, spec: Json): unknown =>
  Object.hasOwn(operation, 'security') ? operation.security : spec.security;

function comparePathItems(
  path: string,
  before: Json,
  after: Json,
  specs: readonly [Json, Json],
): SpecChange[] {
  return diffKeys(operationsByMethod(before), operationsByMethod(after), {
    removed: (method) => [breaking(`${method.toUpperCase()} ${path}`, 'operation removed')],
    added: (method) => [compatible(`${method.toUpperCase()} ${path}`, 'operation added')],
    both: (method, was, is) => {
      const where = `${method.toUpperCase()} ${path}`;
      return [
        ...compareSecurity(`${where} security`, securityOf(was, specs[0]), securityOf(is, specs[1])),
        ...compareParameters(where, parametersOf(before, was), parametersOf(after, is)),
        ...compareRequestBodies(where, was.requestBody, is.requestBody),
        ...compareResponses(where, asObject(was.responses), asObject(is.responses)),
      ];
    },
  });
}

/**
 * Every difference between two versions of an OpenAPI 3.0 document that an existing client could notice,
 * each marked breaking or compatible. Documentation (descriptions, summaries, examples) is not compared.
 * Paths are matched by their exact template, so renaming a path parameter reads as a removed path.
 * `$ref`s are inlined first, so a change inside a component shows up at each operation that uses it;
 * throws {@link RefError} for a `$ref` that cannot be resolved.
 */
export function compareSpecs(oldSpec: unknown, newSpec: unknown): SpecChange[] {
  const specs = [asObject(inlineRefs(oldSpec)), asObject(inlineRefs(newSpec))] as const;
  return diffKeys(asObject(specs[0].paths), asObject(specs[1].paths), {
    removed: (path) => [breaking(path, 'path removed')],
    added: (path) => [compatible(path, 'path added')],
    both: (path, was, is) => comparePathItems(path, was, is, specs),
  });
}
