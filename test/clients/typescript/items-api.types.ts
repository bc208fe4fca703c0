/**
 * Type tests for the SDK (clients/typescript): compiled by `npm run typecheck`, never run. Each
 * `@ts-expect-error` fails the typecheck as unused if the line under it compiles; a control beside
 * it compiles, so the error is the one named.
 */
import {
  type ApiCall,
  createItemsApi,
  type Item,
  type ItemsApi,
  type OperationId,
  type OperationMethods,
  type PagedCall,
  type ProblemError,
  type ProblemType,
} from '../../../clients/typescript/src';
import type { operations } from '../../../generated/openapi';

const api: ItemsApi = createItemsApi({ baseUrl: 'http://localhost:3000', token: async () => 'token' });
const itemId = '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71';

// The method map is keyed by exactly the generated operation ids: one method per operation.
export const everyOperation: Record<OperationId, unknown> = api satisfies OperationMethods;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const keyedByOperationIds: Same<keyof OperationMethods, keyof operations> = true;
// @ts-expect-error archiveItem is not an operation of the spec
export const notAnOperation = api.archiveItem;

// A body is the spec's request body: a field it does not have fails to compile.
export const created: ApiCall<Item> = api.createItem({ body: { name: 'Quarterly report' } });
// @ts-expect-error ItemInput has no colour (additionalProperties: false)
export const wrongField = api.createItem({ body: { name: 'Quarterly report', colour: 'red' } });
// @ts-expect-error ItemInput requires a name
export const missingName = api.createItem({ body: { description: 'no name' } });

// ifMatch where the spec declares If-Match: an item, a version or an ETag.
export const byItem = async (item: Item) =>
  api.updateItem({ itemId, ifMatch: item, body: { status: 'archived' } });
export const byVersion = api.replaceItem({ itemId, ifMatch: 3, body: { name: 'x' } });
export const byEtag = api.deleteItem({ itemId, ifMatch: '"3"' });
// @ts-expect-error getItem declares no If-Match
export const ifMatchOnRead = api.getItem({ itemId, ifMatch: 3 });

// idempotencyKey where the spec declares Idempotency-Key.
export const keyed = api.createItem({ idempotencyKey: 'k-1', body: { name: 'x' } });
// @ts-expect-error listItems declares no Idempotency-Key
export const keyOnList = api.listItems({ idempotencyKey: 'k-1' });

// Path parameters are required; query parameters are typed.
// @ts-expect-error getItem needs its itemId
export const noId = api.getItem({});
// @ts-expect-error limit is an integer
export const badLimit = api.listItems({ limit: 'twenty' });

// A paged operation is awaitable (one page) and iterable (its entries); others are not iterable.
export const pages: PagedCall<{ items: Item[]; nextToken?: string }, Item> = api.listItems({ limit: 20 });
export async function entries(): Promise<string[]> {
  const names: string[] = [];
  for await (const each of api.listItems()) names.push(each.name);
  const page = await api.listItems({ limit: 1 });
  return [...names, ...page.items.map((item) => item.id), page.nextToken ?? ''];
}
export async function notIterable(): Promise<void> {
  // @ts-expect-error getItem is not paged
  for await (const each of api.getItem({ itemId })) void each;
}

// A 204 resolves to undefined; withResponse gives status, request id and replayed.
export async function responses(): Promise<[undefined, number, string | undefined, boolean]> {
  const deleted = await api.deleteItem({ itemId });
  const { data, response } = await api.createItem({ body: { name: 'x' } }).withResponse();
  return [deleted, response.status + data.version, response.requestId, response.replayed];
}

// ProblemError's type is typed by the spec's problem types (and still holds a gateway's others).
export const documented: ProblemType = '/problems/not-found';
// @ts-expect-error not a problem type the spec documents
export const undocumented: ProblemType = '/problems/not-a-problem';
export const comparable = (error: ProblemError): boolean => error.type === '/problems/not-found';
