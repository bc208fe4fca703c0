/**
 * The baseline: what the six operations cost with no framework and no validation at all. A switch
 * on the route API Gateway matched, JSON.parse of the body, the same in-memory store, and
 * JSON.stringify of the answer. Kept for the benchmark only; never shipped.
 */

import type { ProxyHandler } from '../../src/gateway-events/rest-api-v1';
import type { ItemFields, ItemMergePatch, ItemStatus } from '../../src/resources/items/item';
import { createDocumentClient } from '../../src/storage/dynamodb/document-client';
import { callerOf, headerOf, itemOperations, respond } from '../item-operations';
import { MemoryItemRepository } from '../memory-item-repository';

/** Unused, but loaded and constructed at cold start as a real function's SDK client is. */
export const documentClient = createDocumentClient({ region: 'us-east-1' });

const operations = itemOperations(new MemoryItemRepository());

export const handler: ProxyHandler = async (event) => {
  const caller = callerOf(event);
  if (caller === undefined) return respond(401, { title: 'Unauthorized' });
  const id = event.pathParameters?.itemId ?? '';
  const ifMatch = headerOf(event, 'If-Match');
  // Deliberately unchecked: the baseline trusts its input, which is what makes it a floor.
  const body = (): unknown => JSON.parse(event.body ?? '{}');
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'GET /items':
      return operations.listItems(caller, {
        limit: Number(event.queryStringParameters?.limit ?? 20),
        ...(event.queryStringParameters?.status !== undefined && {
          status: event.queryStringParameters.status as ItemStatus,
        }),
      });
    case 'POST /items':
      return operations.createItem(caller, body() as ItemFields);
    case 'GET /items/{itemId}':
      return operations.getItem(caller, id);
    case 'PUT /items/{itemId}':
      return operations.replaceItem(caller, id, body() as ItemFields, ifMatch);
    case 'PATCH /items/{itemId}':
      return operations.updateItem(caller, id, body() as ItemMergePatch, ifMatch);
    case 'DELETE /items/{itemId}':
      return operations.deleteItem(caller, id, ifMatch);
    default:
      return respond(404, { title: 'Not found' });
  }
};
