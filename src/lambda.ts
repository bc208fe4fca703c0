/**
 * The one Lambda entry: API Gateway REST API proxy events (payload v1) in, proxy results out.
 * Config is read at module load, so a missing variable fails the cold start with its name instead
 * of failing requests later; the app (validators included) is built once per container.
 */
import { composeApp } from './compose';
import { loadConfig } from './config';
import { type ProxyHandler, toProxyHandler } from './lambda-proxy';

export const handler: ProxyHandler = toProxyHandler(composeApp(loadConfig()));
