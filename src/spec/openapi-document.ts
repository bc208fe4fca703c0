/**
 * The one set of helpers for reading an OpenAPI document as plain JSON: the spec itself, its
 * generated JSON copy, older releases and synthetic specs alike. src, scripts, infra, tests and
 * bench all walk documents through these, so they agree on methods, escapes and `$ref`s.
 */

/** A JSON object as parsed from YAML or JSON. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value if it is an object, else an empty one, so absent parts of a spec read as empty. */
export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

/** The value if it is an array, else an empty one. */
export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Every operation field an OpenAPI 3.0 path item may have, lower case as the spec writes them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const isHttpMethod = (key: string): key is HttpMethod =>
  (HTTP_METHODS as readonly string[]).includes(key);

export interface SpecOperation {
  /** The path template as the spec writes it, e.g. `/items/{itemId}`. */
  readonly template: string;
  readonly method: HttpMethod;
  readonly pathItem: Json;
  readonly operation: Json;
}

/** Every operation of a document: paths in the order the spec lists them, each path's methods in HTTP_METHODS order. */
export function operationsOf(document: unknown): SpecOperation[] {
  const paths = asObject(asObject(document).paths);
  return Object.entries(paths).flatMap(([template, pathItem]) =>
    isObject(pathItem)
      ? HTTP_METHODS.flatMap((method) => {
          const operation = pathItem[method];
          return isObject(operation) ? [{ template, method, pathItem, operation }] : [];
        })
      : [],
  );
}

/** Each path template with the methods it defines, upper case (what API Gateway builds resources from). */
export function methodsByTemplate(document: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const { template, method } of operationsOf(document)) {
    result[template] = [...(result[template] ?? []), method.toUpperCase()];
  }
  return result;
}

/** Escapes one JSON-pointer token (RFC 6901): `~` first, then `/`. */
export const escapePointerToken = (token: string): string =>
  token.replaceAll('~', '~0').replaceAll('/', '~1');

/** Unescapes one JSON-pointer token (RFC 6901): `~1` first, then `~0`. */
export const unescapePointerToken = (token: string): string =>
  token.replaceAll('~1', '/').replaceAll('~0', '~');

/** A local reference to `tokens` under the document root, e.g. `#/paths/~1items`. */
export const pointerTo = (...tokens: readonly string[]): string =>
  `#${tokens.map((token) => `/${escapePointerToken(token)}`).join('')}`;

/** Thrown for a `$ref` that leaves the document, points at nothing, or only at other `$ref`s in a cycle. */
export class RefError extends Error {
  override readonly name = 'RefError';
}

/** The value a local `$ref` (`#/components/schemas/Item`) points at; RefError if it is not local or absent. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (ref !== '#' && !ref.startsWith('#/'))
    throw new RefError(`only local $refs are supported, found ${ref}`);
  const tokens = ref === '#' ? [] : ref.slice(2).split('/');
  let node: unknown = document;
  for (const token of tokens) {
    const name = unescapePointerToken(decodeURIComponent(token));
    if (!isObject(node) && !Array.isArray(node)) throw new RefError(`$ref ${ref} points at nothing`);
    node = isObject(node) ? node[name] : node[Number(name)];
    if (node === undefined) throw new RefError(`$ref ${ref} points at nothing`);
  }
  return node;
}

/** The object a local pointer points at; RefError if it points at nothing or at something else. */
export function objectAt(document: unknown, ref: string): Json {
  const value = resolvePointer(document, ref);
  if (!isObject(value)) throw new RefError(`${ref} is not an object`);
  return value;
}

/**
 * Follows `$ref`s at the top of a spec object (a response, header or parameter may be a reference)
 * until it reaches an object; undefined if the value is not an object.
 */
export function deref(
  document: unknown,
  value: unknown,
  seen: ReadonlySet<string> = new Set(),
): Json | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.$ref !== 'string') return value;
  if (seen.has(value.$ref)) throw new RefError(`$ref cycle: ${[...seen, value.$ref].join(' -> ')}`);
  return deref(document, resolvePointer(document, value.$ref), new Set([...seen, value.$ref]));
}

/**
 * A copy of `value` with every local `$ref` replaced by its target. Each target is resolved once
 * and shared; a schema that refers to itself becomes a cycle in the copy (walkers must stop at
 * objects they have seen).
 */
export function inlineRefs(document: unknown, value: unknown = document): unknown {
  const resolved = new Map<string, unknown>();

  const resolveRef = (ref: string, chain: readonly string[]): unknown => {
    if (resolved.has(ref)) return resolved.get(ref);
    if (chain.includes(ref))
      throw new RefError(`$ref cycle without a schema: ${[...chain, ref].join(' -> ')}`);
    const target = resolvePointer(document, ref);
    if (isObject(target) && typeof target.$ref === 'string') {
      const result = resolveRef(target.$ref, [...chain, ref]);
      resolved.set(ref, result);
      return result;
    }
    if (!isObject(target)) {
      const result = visit(target);
      resolved.set(ref, result);
      return result;
    }
    // Registered before its children are visited, so a reference back to it gets this same object.
    const copy: Json = {};
    resolved.set(ref, copy);
    for (const [key, child] of Object.entries(target)) copy[key] = visit(child);
    return copy;
  };

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    // OpenAPI 3.0 ignores keywords beside a $ref, so the target replaces the whole object.
    if (typeof node.$ref === 'string') return resolveRef(node.$ref, []);
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
  };

  return visit(value);
}
