/**
 * One request through the local gateway, in the order API Gateway takes it: the target and the
 * mount, the body limit, CORS preflight, then the REST API (authorizer, function) or the HTTP API
 * exchange, each within the integration timeout. Whatever the gateway refuses never reaches the function.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { BodyTooLargeError, UnauthenticatedError } from '../../http/errors';
import { MAX_BODY_BYTES } from '../../http/request-body';
import type { PathMatcher } from '../../http/router';
import { gatewayProblem, preflightAnswer, refusal } from './gateway-answers';
import type { GatewayOptions } from './gateway-options';
import { callHttpApi, headerPairs, httpApiEvent } from './http-api-event';
import { refuseUnread } from './lingering-close';
import { readBody } from './request-body-limit';
import { parseTarget, withinMount } from './request-target';
import { mountPrefix, requestProxyEvent } from './rest-api-event';
import { writeResult } from './result-writer';
import { withinIntegrationTimeout } from './timeouts';

/** Answers one request on the API (not an extra route), calling the handler when the gateway would. */
export async function dispatch(
  request: IncomingMessage,
  response: ServerResponse,
  options: GatewayOptions,
  match: PathMatcher,
  integrationMs: number,
): Promise<void> {
  const origin = request.headers.origin;
  const url = parseTarget(request.url);
  if (url === undefined) {
    refuseUnread(request, response);
    writeResult(
      response,
      gatewayProblem(
        origin,
        options.cors,
        'bad-request',
        'The request target is not a valid path and query.',
      ),
    );
    return;
  }
  const stage = options.stage ?? 'local';
  const mount = options.mount ?? { via: 'domain' };
  const apiUrl = withinMount(url, mountPrefix(mount, stage));
  if (apiUrl === undefined) {
    refuseUnread(request, response);
    writeResult(response, gatewayProblem(origin, options.cors, 'not-found'));
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    refuseUnread(request, response);
    writeResult(response, refusal(new BodyTooLargeError(MAX_BODY_BYTES), origin, options.cors));
    return;
  }
  const resource = match(apiUrl.pathname);
  const methods = resource === undefined ? undefined : options.resources[resource.template];
  if (request.method === 'OPTIONS' && methods !== undefined) {
    writeResult(response, preflightAnswer(options.cors, origin, methods));
    return;
  }
  const integrate = (answer: Promise<APIGatewayProxyResult>) =>
    withinIntegrationTimeout(answer, integrationMs, () =>
      gatewayProblem(origin, options.cors, 'gateway-timeout'),
    );
  if (options.payloadFormat === '2.0') {
    // An HTTP API route is a template *and* method; anything else goes to the $default route.
    const route = methods?.includes(request.method ?? '') === true ? resource : undefined;
    const event = httpApiEvent({
      method: request.method ?? 'GET',
      url: apiUrl,
      route,
      headers: headerPairs(request.rawHeaders),
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      protocol: `HTTP/${request.httpVersion}`,
    });
    writeResult(response, await integrate(callHttpApi(options, request, event)));
    return;
  }
  const event = requestProxyEvent(request, apiUrl, resource, body, stage, mount);
  if (options.authorizer !== undefined && methods !== undefined) {
    const methodArn = `arn:aws:execute-api:local:local:local/${stage}/${event.httpMethod}${apiUrl.pathname}`;
    const authorizer = await options.authorizer(request.headers.authorization, methodArn);
    if (authorizer === undefined) {
      // Answered here, like API Gateway's UNAUTHORIZED gateway response, with CORS headers so a
      // browser can read it.
      writeResult(response, refusal(new UnauthenticatedError(), origin, options.cors));
      return;
    }
    event.requestContext.authorizer = authorizer;
  }
  writeResult(response, await integrate(options.handler(event)));
}
