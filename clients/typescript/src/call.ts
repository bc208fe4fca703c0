/**
 * What a method returns: the call starts at once; awaiting it gives the data, `withResponse()` the
 * data and its response, and a paged call is also an async iterable over every entry.
 */
import type { ApiCall, PagedCall, WithResponse } from './types.js';

export function toCall<T>(started: Promise<WithResponse<T>>): ApiCall<T> {
  const data = () => started.then(({ data }) => data);
  return {
    // biome-ignore lint/suspicious/noThenProperty: the call is a thenable on purpose, so `await` gives its data.
    then: (onFulfilled, onRejected) => data().then(onFulfilled, onRejected),
    catch: (onRejected) => data().catch(onRejected),
    finally: (onFinally) => data().finally(onFinally),
    withResponse: () => started,
  };
}

/** `page` is the property that lists a page's entries; `next` fetches the page after `nextToken`. */
export function toPagedCall<T, E>(
  started: Promise<WithResponse<T>>,
  page: string,
  next: (nextToken: string) => Promise<WithResponse<T>>,
): PagedCall<T, E> {
  return {
    ...toCall(started),
    async *[Symbol.asyncIterator]() {
      for (let current = started; ; ) {
        const { data } = await current;
        const fields: Partial<Record<string, unknown>> =
          typeof data === 'object' && data !== null ? data : {};
        const entries = fields[page];
        if (Array.isArray(entries)) yield* entries;
        if (typeof fields.nextToken !== 'string') return;
        current = next(fields.nextToken);
      }
    },
  };
}
