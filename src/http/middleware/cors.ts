/**
 * CORS: the policy, shared by the Lambda (headers on actual responses), the local gateway and the
 * CDK stack (preflight answered by the gateway), so all three answer from the same configuration.
 */
import type { Middleware } from './chain';

/** X-Api-Key: a browser sends its key on stages with usage plans; harmless where keys are off. */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Authorization',
  'If-Match',
  'Idempotency-Key',
  'X-Api-Key',
] as const;
/** What a browser's script may read: versions, links, when to retry, replays and the id to quote. */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  'Idempotent-Replayed',
  'X-Request-Id',
] as const;
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsPolicy {
  /** Allowed origins; `*` allows any (dev only); empty disables CORS. */
  readonly origins: readonly string[];
}

/** The Access-Control-Allow-Origin value for a request's Origin, or undefined if not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (policy.origins.includes('*')) return '*';
  return policy.origins.includes(origin) ? origin : undefined;
}

/** Headers for an actual (non-preflight) response. */
export function corsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  if (allowed === undefined) return policy.origins.length > 0 ? { vary: 'Origin' } : {};
  return {
    'access-control-allow-origin': allowed,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
    vary: 'Origin',
  };
}

/** Headers for a preflight answer on a path allowing `methods`. */
export function preflightHeaders(
  policy: CorsPolicy,
  origin: string | undefined,
  methods: readonly string[],
): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  return {
    ...(allowed !== undefined && { 'access-control-allow-origin': allowed }),
    'access-control-allow-methods': [...methods, 'OPTIONS'].join(','),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(','),
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(','),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    vary: 'Origin',
  };
}

/** Adds the CORS headers of `policy` to every answer, problem+json included, so a browser can read it. */
export function corsMiddleware(policy: CorsPolicy): Middleware {
  return async (exchange, next) => {
    const response = await next();
    return {
      ...response,
      headers: { ...response.headers, ...corsHeaders(policy, exchange.request.headers.origin) },
    };
  };
}
