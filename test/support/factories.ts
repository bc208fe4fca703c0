import type { components } from '../../generated/openapi';
import type { ApiResponse, TestApi } from './test-api';

export type ItemBody = components['schemas']['Item'];
export type ItemPageBody = components['schemas']['ItemPage'];
export type ProblemBody = components['schemas']['Problem'];

// The test client has already validated each body against the spec, so these narrow to its types.
export const asItem = (response: ApiResponse): ItemBody => response.json as unknown as ItemBody;
export const asPage = (response: ApiResponse): ItemPageBody => response.json as unknown as ItemPageBody;
export const asProblem = (response: ApiResponse): ProblemBody => response.json as unknown as ProblemBody;

export function itemInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Quarterly report', description: 'Numbers for Q3', ...overrides };
}

/** Creates an item through the API and returns it, failing the test if creation fails. */
export async function createItem(api: TestApi, overrides: Record<string, unknown> = {}): Promise<ItemBody> {
  const response = await api.call('POST', '/items', { body: itemInput(overrides) });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.body}`);
  return asItem(response);
}

/** Every item the API lists, following nextToken to the end. */
export async function listAll(api: TestApi, query = '', pageSize = 100): Promise<ItemBody[]> {
  const items: ItemBody[] = [];
  let token: string | undefined;
  do {
    const tokenParam = token === undefined ? '' : `&nextToken=${encodeURIComponent(token)}`;
    const response = await api.call('GET', `/items?limit=${pageSize}${query}${tokenParam}`);
    if (response.status !== 200) throw new Error(`list failed: ${response.status} ${response.body}`);
    const page = asPage(response);
    items.push(...page.items);
    token = page.nextToken;
  } while (token !== undefined);
  return items;
}

export const MISSING_ID = '01936b2e-8f4a-7c3d-9b1e-000000000000';
