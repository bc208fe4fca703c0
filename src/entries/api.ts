/**
 * The one Lambda entry: API Gateway REST API proxy events (payload v1) or HTTP API events (payload
 * v2) in, the matching result out; src/gateway-events/gateway-handler.ts tells them apart once.
 * Config is read at module load, so a missing variable fails the cold start with its name instead
 * of failing requests later; the app (validators included) is built once per container.
 */
import { composeApp } from '../compose-app';
import { loadConfig } from '../config';
import { type GatewayHandler, toGatewayHandler } from '../gateway-events/gateway-handler';

export const handler: GatewayHandler = toGatewayHandler(composeApp(loadConfig()));
