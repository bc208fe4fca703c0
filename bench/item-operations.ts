/**
 * The six operations of openapi.yaml written the plain way: call the store, JSON.stringify the
 * answer. Shared by the hand-written baseline and the openapi-backend variant, so those two differ
 * only in how a request reaches these functions (a switch, or openapi-backend's router and
 * validators). Nothing here validates input.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { uuidv7 } from '../src/ids/uuid-v7';
import { ItemNotFoundError, VersionMismatchError } from '../src/resources/items/errors';
import {
  DEFAULT_ITEM_STATUS,
  type Item,
  type ItemChanges,
  type ItemFields,
  type ItemMergePatch,
  type ItemStatus,
  mergePatchChanges,
  replacementChanges,
} from '../src/resources/items/item';
import type { ItemRepository } from '../src/resources/items/item-repository';

export interface ListQuery {
  readonly limit: number;
  readonly status?: ItemStatus;
}

/**
 * Who asks, and the write id the storage port needs: the gateway's request id, as ours uses
 * (src/http/app.ts), so neither side pays for generating one.
 */
export interface BenchCaller {
  readonly owner: string;
  readonly writeId: string;
}

export interface ItemOperations {
  listItems(caller: BenchCaller, query: ListQuery): Promise<APIGatewayProxyResult>;
  createItem(caller: BenchCaller, fields: ItemFields): Promise<APIGatewayProxyResult>;
  getItem(caller: BenchCaller, id: string): Promise<APIGatewayProxyResult>;
  replaceItem(
    caller: BenchCaller,
    id: string,
    fields: ItemFields,
    ifMatch?: string,
  ): Promise<APIGatewayProxyResult>;
  updateItem(
    caller: BenchCaller,
    id: string,
    patch: ItemMergePatch,
    ifMatch?: string,
  ): Promise<APIGatewayProxyResult>;
  deleteItem(caller: BenchCaller, id: string, ifMatch?: string): Promise<APIGatewayProxyResult>;
}

export function itemOperations(repository: ItemRepository): ItemOperations {
  const write = (caller: BenchCaller, id: string, changes: ItemChanges, ifMatch: string | undefined) =>
    answer(async () =>
      itemResponse(await repository.update(caller.owner, id, changes, caller.writeId, versions(ifMatch))),
    );
  return {
    listItems: async ({ owner }, query) => {
      const page = await repository.list(owner, query);
      return respond(200, { items: page.items });
    },
    createItem: async ({ owner, writeId }, fields) => {
      const now = new Date().toISOString();
      const item: Item = {
        id: uuidv7(),
        name: fields.name,
        ...(fields.description !== undefined && { description: fields.description }),
        status: fields.status ?? DEFAULT_ITEM_STATUS,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await repository.insert(owner, item, writeId);
      return respond(201, item, { Location: `/items/${item.id}`, ETag: `"${item.version}"` });
    },
    getItem: ({ owner }, id) =>
      answer(async () => {
        const item = await repository.find(owner, id);
        return item === undefined ? respond(404, { title: 'Not found' }) : itemResponse(item);
      }),
    replaceItem: (caller, id, fields, ifMatch) =>
      write(caller, id, replacementChanges(fields, new Date().toISOString()), ifMatch),
    updateItem: (caller, id, patch, ifMatch) =>
      write(caller, id, mergePatchChanges(patch, new Date().toISOString()), ifMatch),
    deleteItem: ({ owner, writeId }, id, ifMatch) =>
      answer(async () => {
        await repository.delete(owner, id, writeId, versions(ifMatch));
        return { statusCode: 204, headers: {}, body: '' };
      }),
  };
}

/** The authorizer's subject, as API Gateway passes it, with the request id as the write id. */
export function callerOf(event: APIGatewayProxyEvent): BenchCaller | undefined {
  const claims: unknown = event.requestContext.authorizer?.claims;
  const subject = typeof claims === 'object' && claims !== null && 'sub' in claims ? claims.sub : undefined;
  return typeof subject === 'string'
    ? { owner: subject, writeId: event.requestContext.requestId }
    : undefined;
}

/** A header in either of the casings clients send. */
export function headerOf(event: APIGatewayProxyEvent, name: string): string | undefined {
  return event.headers[name] ?? event.headers[name.toLowerCase()];
}

export function respond(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function itemResponse(item: Item): APIGatewayProxyResult {
  return respond(200, item, { ETag: `"${item.version}"` });
}

/** `"3"` or `"3", "4"` to versions; `*` or no header means any. */
function versions(ifMatch: string | undefined): number[] | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  return ifMatch.split(',').map((tag) => Number(tag.trim().replaceAll('"', '')));
}

async function answer(operation: () => Promise<APIGatewayProxyResult>): Promise<APIGatewayProxyResult> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof ItemNotFoundError) return respond(404, { title: 'Not found' });
    if (error instanceof VersionMismatchError) return respond(412, { title: 'Precondition failed' });
    throw error;
  }
}
