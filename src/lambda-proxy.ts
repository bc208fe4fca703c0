/**
 * Converts API Gateway REST API proxy events (payload v1) to neutral HttpRequests and HttpResponses
 * back to proxy results. With lambda.ts, the only code that sees Lambda types.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { HttpApp, HttpRequest } from './http/http-types';

export type ProxyHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/** Adapts an HttpApp to proxy events; exported so tests can drive an app built with overrides. */
export function toProxyHandler(app: HttpApp): ProxyHandler {
  return async (event) => {
    const response = await app(toHttpRequest(event));
    return { statusCode: response.status, headers: response.headers, body: response.body ?? '' };
  };
}

// Runs on every request: plain loops, no intermediate arrays.
function toHttpRequest(event: APIGatewayProxyEvent): HttpRequest {
  const headers: Record<string, string> = {};
  const eventHeaders = event.headers ?? {};
  for (const name in eventHeaders) {
    const value = eventHeaders[name];
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string | readonly string[]> = {};
  const single = event.queryStringParameters ?? {};
  const multi = event.multiValueQueryStringParameters ?? {};
  for (const name in single) {
    const value = single[name];
    const values = multi[name];
    if (value !== undefined) query[name] = values !== undefined && values.length > 1 ? values : value;
  }
  const claims: unknown = event.requestContext.authorizer?.claims;
  const subject = typeof claims === 'object' && claims !== null && 'sub' in claims ? claims.sub : undefined;
  const body =
    event.body === null
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  return {
    method: event.httpMethod.toUpperCase(),
    path: event.path,
    // The resource API Gateway routed on; locally, the gateway fills it the same way.
    routeHint:
      event.resource === ''
        ? undefined
        : { template: event.resource, pathParameters: definedValues(event.pathParameters) },
    headers,
    query,
    body,
    requestId: event.requestContext.requestId,
    // API Gateway's authorizer put the verified claims here; the body never names the caller.
    caller: typeof subject === 'string' && subject !== '' ? { subject } : undefined,
  };
}

function definedValues(parameters: Record<string, string | undefined> | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in parameters) {
    const value = parameters[name];
    if (value !== undefined) result[name] = value;
  }
  return result;
}
