import { type CorsPolicy, corsHeaders } from '../cors';
import type { Middleware } from './chain';

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
