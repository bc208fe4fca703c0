export interface MatchedResource {
  readonly resource: string;
  readonly pathParameters: Record<string, string>;
}

export type ResourceMatcher = (path: string) => MatchedResource | undefined;

/**
 * Matches a request path to one of the API's resource templates (`/items/{itemId}`), as API
 * Gateway does before it calls the function: literal segments beat parameters.
 */
export function resourceMatcher(resources: readonly string[]): ResourceMatcher {
  const compiled = resources
    .map((resource) => ({ resource, segments: resource.split('/').filter((segment) => segment !== '') }))
    .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  return (path) => {
    const parts = path.split('/').filter((segment) => segment !== '');
    for (const { resource, segments } of compiled) {
      if (segments.length !== parts.length) continue;
      const pathParameters: Record<string, string> = {};
      const matches = segments.every((segment, index) => {
        const part = parts[index] ?? '';
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (name === undefined) return segment === part;
        pathParameters[name] = safeDecode(part);
        return true;
      });
      if (matches) return { resource, pathParameters };
    }
    return undefined;
  };
}

const literalCount = (segments: readonly string[]): number =>
  segments.filter((segment) => !segment.startsWith('{')).length;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head'];

/** Each path of a spec with the methods it defines, upper-case: what API Gateway builds resources from. */
export function resourcesOf(paths: Readonly<Record<string, object>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => method.toUpperCase()),
    ]),
  );
}
