import { isObject, type Json } from './json';

/** A `$ref` that leaves the document, points at nothing or only at other refs; the spec cannot be compared. */
export class RefError extends Error {
  override readonly name = 'RefError';
}

const decodeToken = (token: string): string =>
  decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * A copy of `document` with every local `$ref` replaced by its target, so a change inside a component
 * shows up at each operation that uses it. Each target is resolved once and shared; a schema that
 * refers to itself becomes a cycle, which the schema comparer stops at.
 */
export function resolveRefs(document: unknown): unknown {
  const resolved = new Map<string, unknown>();

  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new RefError(`only local $refs are supported, found ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, token) => (isObject(node) ? node[decodeToken(token)] : undefined), document);
    if (target === undefined) throw new RefError(`$ref ${ref} points at nothing`);
    return target;
  };

  const resolveRef = (ref: string, chain: readonly string[]): unknown => {
    if (resolved.has(ref)) return resolved.get(ref);
    if (chain.includes(ref))
      throw new RefError(`$ref cycle without a schema: ${[...chain, ref].join(' -> ')}`);
    const target = lookup(ref);
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
    for (const [key, value] of Object.entries(target)) copy[key] = visit(value);
    return copy;
  };

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    // OpenAPI 3.0 ignores keywords beside a $ref, so the target replaces the whole object.
    if (typeof node.$ref === 'string') return resolveRef(node.$ref, []);
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
  };

  return visit(document);
}
