import type { components } from '../../generated/openapi';
import type { Item, ItemInput, ItemPage, Problem } from './api-types';
import { type SchemaName, schemaValidator } from './contract';
import type { ApiResponse, TestApi } from './test-api';

/** Reads response bodies as one of the spec's schemas, failing the test on a body that is not one. */
function bodyReader<Name extends SchemaName>(
  name: Name,
): (response: ApiResponse) => components['schemas'][Name] {
  const validate = schemaValidator(name);
  return (response) => {
    const { json } = response;
    if (!validate(json))
      throw new Error(`expected a ${name} body, got ${response.status} ${response.body.slice(0, 200)}`);
    return json;
  };
}

export const asItem: (response: ApiResponse) => Item = bodyReader('Item');
export const asPage: (response: ApiResponse) => ItemPage = bodyReader('ItemPage');
export const asProblem: (response: ApiResponse) => Problem = bodyReader('Problem');
export const asMedia = bodyReader('Media');
export const asMediaUpload = bodyReader('MediaUpload');
export const asMediaList = bodyReader('MediaList');

/** Announces a media on an item through the API, failing the test unless it is created. */
export async function createMediaUpload(
  api: TestApi,
  itemId: string,
  body: components['schemas']['MediaUploadRequest'] = { contentType: 'image/png', size: 10 },
  subject?: string,
): Promise<components['schemas']['MediaUpload']> {
  const response = await api.call('POST', `/items/${itemId}/media`, {
    body,
    ...(subject !== undefined && { subject }),
  });
  if (response.status !== 201) throw new Error(`media create failed: ${response.status} ${response.body}`);
  return asMediaUpload(response);
}

/** The object key a presigned URL of the local (path-style) S3 names: `/<bucket>/<key>`. */
export function objectKeyOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').slice(2).join('/'));
}

/** A valid item input; tests of invalid ones spread it and add what breaks it. */
export function itemInput(overrides: Partial<ItemInput> = {}): ItemInput {
  return { name: 'Quarterly report', description: 'Numbers for Q3', ...overrides };
}

/** Creates an item through the API and returns it, failing the test if creation fails. */
export async function createItem(api: TestApi, overrides: Partial<ItemInput> = {}): Promise<Item> {
  const response = await api.call('POST', '/items', { body: itemInput(overrides) });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.body}`);
  return asItem(response);
}

/** Every item the API lists, following nextToken to the end. */
export async function listAll(api: TestApi, query = '', pageSize = 100): Promise<Item[]> {
  const items: Item[] = [];
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
