import type { Logger } from '../logger';
import { UnauthenticatedError } from './errors';
import type { HttpApp, HttpRequest, HttpResponse } from './http-types';
import {
  compose,
  composeOperation,
  type Exchange,
  type Middleware,
  type OperationCall,
  type OperationMiddleware,
  type OperationResult,
} from './middleware/chain';
import type { HandlerMap, HandlerRequest, HandlerResult, OperationId } from './operation-types';
import { problemResponse } from './problem';
import type { ProblemRegistry } from './problem-map';
import { readJsonBody } from './request-body';
import { baseHeaders } from './response-headers';
import type { Router } from './router';

export interface AppDependencies<Context> {
  readonly router: Router;
  readonly handlers: HandlerMap<Context>;
  /** What handlers use besides the request: every resource's context, merged. */
  readonly context: Context;
  /** Every error kind's problem: the core's and every resource's. */
  readonly problems: ProblemRegistry;
  readonly logger: Logger;
  /** Cross-cutting concerns, outermost first; each sees every answer, problem+json included. */
  readonly middleware?: readonly Middleware[];
  /** Concerns around each handler call, after validation, outermost first (idempotency). */
  readonly operationMiddleware?: readonly OperationMiddleware[];
}

/**
 * The HTTP application: route, read the body, validate against the spec, run the operation's
 * handler, serialise its result. Every failure on the way becomes problem+json in one place.
 */
export function createApp<Context>({
  router,
  handlers,
  context,
  problems,
  logger,
  middleware = [],
  operationMiddleware = [],
}: AppDependencies<Context>): HttpApp {
  const run = compose(middleware, serve);
  const operate = composeOperation(operationMiddleware, (call) => callHandler(handlers, call, context));
  return (request: HttpRequest) => run({ request });

  async function serve(exchange: Exchange): Promise<HttpResponse> {
    const { request } = exchange;
    try {
      const match = router.match(request.method, request.path, request.routeHint);
      exchange.operationId = match.operationId;
      // Every operation acts on the caller's own items: no caller, no operation.
      const caller = request.caller;
      if (caller === undefined) throw new UnauthenticatedError();
      const body = readJsonBody(request, match.requestMediaTypes);
      const parameters = router.validate(match, { query: request.query, headers: request.headers, body });
      const call: OperationCall = {
        operationId: match.operationId,
        headerNames: match.operation.headerNames,
        request: {
          path: parameters.path,
          query: parameters.query,
          headers: request.headers,
          body,
          caller,
          basePath: request.basePath ?? '',
          // The gateway's request id is the same on every retry of this request underneath
          // (SDK attempts, a second invocation), so storage can recognise its own earlier commit.
          write: { writeId: request.requestId },
        },
      };
      return toHttpResponse(await operate(call), request.requestId);
    } catch (error) {
      return problemResponse(error, request.requestId, logger, problems);
    }
  }
}

function callHandler<Context>(
  handlers: HandlerMap<Context>,
  call: OperationCall,
  context: Context,
): Promise<OperationResult> {
  // The validator has checked these values against the operation's schemas: this is the one point
  // where runtime-validated data takes on the generated types.
  return invoke(handlers, call.operationId, call.request as HandlerRequest<typeof call.operationId>, context);
}

function invoke<Id extends OperationId, Context>(
  handlers: HandlerMap<Context>,
  operationId: Id,
  request: HandlerRequest<Id>,
  context: Context,
): Promise<HandlerResult<Id>> {
  const handler: HandlerMap<Context>[Id] = handlers[operationId];
  return handler(request, context);
}

function toHttpResponse(result: OperationResult, requestId: string): HttpResponse {
  const headers = baseHeaders(requestId);
  // A loop over the names, not Object.entries: no array of pairs per response.
  for (const name in result.headers) headers[name.toLowerCase()] = String(Reflect.get(result.headers, name));
  if (result.body === undefined) return { status: result.status, headers };
  headers['content-type'] = 'application/json';
  return { status: result.status, headers, body: JSON.stringify(result.body) };
}
