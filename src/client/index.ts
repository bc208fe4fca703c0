/**
 * A typed client for this API, from the generated contract types with openapi-fetch: every path,
 * parameter, body and response is checked by the compiler. The contract suite uses it, so it is
 * exercised on every run. Client teams generate the same in their own repos (README: For client teams).
 */
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from '../../generated/openapi';

export type Item = components['schemas']['Item'];
export type ItemInput = components['schemas']['ItemInput'];
export type ItemPatch = components['schemas']['ItemPatch'];
export type ItemPage = components['schemas']['ItemPage'];
export type Problem = components['schemas']['Problem'];
export type { operations, paths };

export type ItemsClient = ReturnType<typeof createClient<paths>>;

export function createItemsClient(options: ClientOptions & { readonly baseUrl: string }): ItemsClient {
  return createClient<paths>(options);
}
