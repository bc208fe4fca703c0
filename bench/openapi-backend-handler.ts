/**
 * openapi-backend wired as its README and Lambda example set it up: the spec, one handler per
 * operationId plus notFound / validationFail / methodNotAllowed, ajv-formats so formats are
 * enforced. The operations behind it are the baseline's, so the difference is openapi-backend
 * alone. Shared by the two openapi-backend entries, which differ only in the options they pass.
 */

import addFormats from 'ajv-formats';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import OpenAPIBackend, { type Context, type Document, type Options } from 'openapi-backend';
import spec from '../generated/openapi.json';
import type { ProxyHandler } from '../src/gateway-events/rest-api-v1';
import type { ItemFields, ItemMergePatch, ItemStatus } from '../src/resources/items/item';
import { type BenchCaller, callerOf, headerOf, itemOperations, respond } from './item-operations';
import { MemoryItemRepository } from './memory-item-repository';

/** The options that tune openapi-backend's start-up; everything else is fixed above. */
export type OpenApiBackendTuning = Pick<Options, 'quick'>;

type OperationHandler = (context: Context, event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/** Runs an operation for the authorizer's subject; 401 without one, as our app answers. */
const forCaller =
  (
    operation: (caller: BenchCaller, ...args: Parameters<OperationHandler>) => Promise<APIGatewayProxyResult>,
  ): OperationHandler =>
  async (context, event) => {
    const caller = callerOf(event);
    return caller === undefined ? respond(401, { title: 'Unauthorized' }) : operation(caller, context, event);
  };

const itemId = (context: Context): string => String(context.request.params.itemId);
// openapi-backend has validated the body against the operation's schema before the handler runs.
const bodyOf = <T>(context: Context): T => context.request.requestBody;

/** A Lambda proxy handler backed by openapi-backend; init() starts at once, as at module load. */
export function openApiBackendHandler(tuning: OpenApiBackendTuning): ProxyHandler {
  const operations = itemOperations(new MemoryItemRepository());
  const handlers: Record<string, OperationHandler> = {
    listItems: forCaller((caller, context) => {
      const { limit, status } = context.request.query;
      return operations.listItems(caller, {
        limit: limit === undefined ? 20 : Number(limit),
        ...(typeof status === 'string' && { status: status as ItemStatus }),
      });
    }),
    createItem: forCaller((caller, context) => operations.createItem(caller, bodyOf<ItemFields>(context))),
    getItem: forCaller((caller, context) => operations.getItem(caller, itemId(context))),
    replaceItem: forCaller((caller, context, event) =>
      operations.replaceItem(
        caller,
        itemId(context),
        bodyOf<ItemFields>(context),
        headerOf(event, 'If-Match'),
      ),
    ),
    updateItem: forCaller((caller, context, event) =>
      operations.updateItem(
        caller,
        itemId(context),
        bodyOf<ItemMergePatch>(context),
        headerOf(event, 'If-Match'),
      ),
    ),
    deleteItem: forCaller((caller, context, event) =>
      operations.deleteItem(caller, itemId(context), headerOf(event, 'If-Match')),
    ),
    notFound: async () => respond(404, { title: 'Not found' }),
    methodNotAllowed: async () => respond(405, { title: 'Method not allowed' }),
    validationFail: async (context) =>
      respond(400, { title: 'Bad request', errors: context.validation.errors }),
  };

  const api = new OpenAPIBackend({
    ...tuning,
    definition: spec as Document,
    handlers,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  const ready = api.init();

  return async (event) => {
    await ready;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.headers)) if (value !== undefined) headers[name] = value;
    const query: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
      if (value !== undefined) query[name] = value;
    }
    return api.handleRequest(
      {
        method: event.httpMethod,
        path: event.path,
        headers,
        query,
        ...(event.body !== null && { body: event.body }),
      },
      event,
    );
  };
}
