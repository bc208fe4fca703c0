/**
 * Larger specs for the routing-scaling figure: our own spec's operations repeated under new
 * resources (`/resource7`, `/resource7/{itemId}`), same parameters, bodies and schemas, until the
 * spec has the asked number of operations. Only the operation count differs from openapi.yaml.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isHttpMethod, isObject, type Json, operationsOf } from '../src/spec/openapi-document';
import type { RoutingRequest } from './runners/protocol';

export interface ScaledSpec {
  readonly spec: Json;
  /** The copy, nearest the middle of the spec, of `template` (a path of the original). */
  readonly middleTemplate: string;
}

/** `spec` with its paths repeated until it has `operationCount` operations. */
export function scaledSpec(spec: Json, operationCount: number, template: string): ScaledSpec {
  if (!isObject(spec.paths)) throw new Error('not an OpenAPI document: no paths');
  const source = Object.entries(spec.paths).filter((entry): entry is [string, Json] => isObject(entry[1]));
  const copies = Math.ceil(operationCount / operationsOf(spec).length);
  const paths: Json = {};
  let count = 0;
  for (let copy = 0; count < operationCount; copy++) {
    for (const [path, item] of source) {
      const copied: Json = {};
      for (const [key, value] of Object.entries(item)) {
        if (!isHttpMethod(key)) copied[key] = value;
        else if (count < operationCount && isObject(value)) {
          copied[key] = { ...value, operationId: `${String(value.operationId)}R${copy}` };
          count++;
        }
      }
      paths[renamed(path, copy)] = structuredClone(copied);
    }
  }
  return { spec: { ...spec, paths }, middleTemplate: renamed(template, Math.floor(copies / 2)) };
}

/** The request a proxy event carries, parsed, for a router to route and validate, at `template`. */
export function routingRequest(
  event: APIGatewayProxyEvent,
  template: string = event.resource,
): RoutingRequest {
  const pathParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value !== undefined) pathParameters[name] = value;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) query[name] = value;
  }
  return {
    method: event.httpMethod,
    path: template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParameters[name] ?? '')),
    template,
    pathParameters,
    headers,
    query,
    body: event.body === null ? undefined : JSON.parse(event.body),
  };
}

const renamed = (path: string, copy: number): string => path.replace(/^\/[^/]+/, `/resource${copy}`);
