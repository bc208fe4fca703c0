/**
 * The one Lambda handler for both gateways: a REST API proxy event (payload v1) or an HTTP API event
 * (payload v2), told apart once by the event's `version`, each converted by its own adapter into
 * the same HttpRequest. The answer has the shape of the event that came in.
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { HttpApp } from '../http/http-types';
import { toHttpApiHandler } from './http-api-v2';
import { toProxyHandler } from './rest-api-v1';

export interface GatewayHandler {
  (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult>;
  (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
}

/** The app behind whichever gateway calls: REST API proxy events and HTTP API v2 events alike. */
export function toGatewayHandler(app: HttpApp): GatewayHandler {
  const restApi = toProxyHandler(app);
  const httpApi = toHttpApiHandler(app);
  function handle(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult>;
  function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  function handle(
    event: APIGatewayProxyEvent | APIGatewayProxyEventV2,
  ): Promise<APIGatewayProxyResult | APIGatewayProxyStructuredResultV2> {
    return isHttpApiEvent(event) ? httpApi(event) : restApi(event);
  }
  return handle;
}

/** REST API proxy events carry no `version`; HTTP API events say `2.0` (or `1.0` for the v1 format they can send). */
function isHttpApiEvent(
  event: APIGatewayProxyEvent | APIGatewayProxyEventV2,
): event is APIGatewayProxyEventV2 {
  return 'version' in event && event.version === '2.0';
}
