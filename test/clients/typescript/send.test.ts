/**
 * The SDK's call loop (clients/typescript/src/send.ts) through createItemsApi, against a scripted
 * fetch: what each attempt sends, and what the caller gets after a sequence of answers.
 */
import { createItemsApi, operations, ProblemError } from '../../../clients/typescript/src';
import { BENCH_ITEM as ITEM } from '../../../fixtures/bench-item';

type Answer = Response | 'network-error' | 'hang';

const problem = (type: string, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type, title: type, status, detail: 'scripted', instance: 'req-1' }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
const ok = (status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(ITEM), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that answers from `answers` in order and records every request it got. */
function scripted(answers: Answer[]) {
  const sent: { method: string; url: string; headers: Record<string, string>; at: number }[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    sent.push({
      method: String(init.method),
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      at: Date.now(),
    });
    const next = answers.shift() ?? 'network-error';
    if (next === 'network-error') throw new TypeError('fetch failed');
    if (next === 'hang')
      return new Promise((_resolve, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason);
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    return next;
  };
  return { fetch, sent };
}

const api = (fetch: ReturnType<typeof scripted>['fetch'], options = {}) =>
  createItemsApi({
    baseUrl: 'http://api.test/',
    fetch,
    token: 'secret',
    baseDelayMs: 1,
    retryAfterCapMs: 30,
    ...options,
  });

describe('a call through createItemsApi', () => {
  it('sends one Idempotency-Key per call and the same one on every retry', async () => {
    // Prepare
    const { fetch, sent } = scripted([
      'network-error',
      problem('/problems/service-unavailable', 503),
      ok(201),
    ]);

    // Act
    const { data, response } = await api(fetch)
      .createItem({ body: { name: 'Quarterly report' } })
      .withResponse();
    const second = scripted([ok(201)]);
    await api(second.fetch).createItem({ body: { name: 'Quarterly report' } });

    // Assess
    const keys = sent.map(({ headers }) => headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.sent[0]?.headers['idempotency-key']).not.toBe(keys[0]);
    expect({ data, attempts: response.attempts }).toEqual({ data: ITEM, attempts: 3 });
  });

  it('uses the caller’s key when given', async () => {
    const { fetch, sent } = scripted([ok(201)]);
    await api(fetch).createItem({ idempotencyKey: 'mine-1', body: { name: 'x' } });
    expect(sent[0]?.headers['idempotency-key']).toBe('mine-1');
  });

  // Once the spec declares Idempotency-Key on updateItem (2.3.0), every PATCH carries one and is repeatable.
  const keyed: boolean = operations.updateItem.idempotencyKey;
  // [what, operation, answers, attempts made, outcome]
  const cases: [string, 'get' | 'patch' | 'patch-if-match', Answer[], number, string | number][] = [
    ['GET after a lost answer', 'get', ['network-error', ok()], 2, 200],
    [
      'GET after a 502 and a 504',
      'get',
      [new Response('', { status: 502 }), new Response('', { status: 504 }), ok()],
      3,
      200,
    ],
    [
      'GET gives up after 2 retries',
      'get',
      ['network-error', 'network-error', 'network-error'],
      3,
      'TypeError',
    ],
    [
      'PATCH without If-Match, lost answer: repeated only with a key',
      'patch',
      ['network-error', ok()],
      keyed ? 2 : 1,
      keyed ? 200 : 'TypeError',
    ],
    [
      'PATCH without If-Match, 503: repeated only with a key',
      'patch',
      [problem('/problems/service-unavailable', 503), ok()],
      keyed ? 2 : 1,
      keyed ? 200 : '/problems/service-unavailable',
    ],
    [
      'PATCH without If-Match, 429 too-many-requests: retried',
      'patch',
      [problem('/problems/too-many-requests', 429), ok()],
      2,
      200,
    ],
    ['PATCH with If-Match after a lost answer', 'patch-if-match', ['network-error', ok()], 2, 200],
    [
      'quota-exceeded is final',
      'get',
      [problem('/problems/quota-exceeded', 429), ok()],
      1,
      '/problems/quota-exceeded',
    ],
    [
      'precondition-failed is final',
      'patch-if-match',
      [problem('/problems/precondition-failed', 412), ok()],
      1,
      '/problems/precondition-failed',
    ],
    [
      'write-conflict is retried',
      'patch',
      [problem('/problems/write-conflict', 409, { 'retry-after': '1' }), ok()],
      2,
      200,
    ],
  ];
  it.each(cases)('%s', async (_name, operation, answers, attempts, outcome) => {
    // Prepare
    const { fetch, sent } = scripted(answers);
    const client = api(fetch);
    const itemId = ITEM.id;

    // Act
    const result = await (operation === 'get'
      ? client.getItem({ itemId })
      : client.updateItem({
          itemId,
          body: { name: 'x' },
          ...(operation === 'patch-if-match' && { ifMatch: 1 }),
        })
    ).then(
      () => 200,
      (error: unknown) =>
        error instanceof ProblemError ? error.type : error instanceof Error ? error.name : '?',
    );

    // Assess
    expect({ attempts: sent.length, result }).toEqual({ attempts, result: outcome });
  });

  it('waits Retry-After (capped) before the retry', async () => {
    const { fetch, sent } = scripted([
      problem('/problems/too-many-requests', 429, { 'retry-after': '1' }),
      ok(),
    ]);
    await api(fetch, { retryAfterCapMs: 120 }).getItem({ itemId: ITEM.id });
    const waited = (sent[1]?.at ?? 0) - (sent[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(110);
    expect(waited).toBeLessThan(1_000);
  });

  it('gives up at once, with the answer, when Retry-After outlasts the deadline', async () => {
    const { fetch, sent } = scripted([
      problem('/problems/service-unavailable', 503, { 'retry-after': '30' }),
      ok(),
    ]);
    const error = await api(fetch, { retryAfterCapMs: 60_000, deadlineMs: 2_000 })
      .getItem({ itemId: ITEM.id })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(sent).toHaveLength(1);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 503, retryAfter: 30, instance: 'req-1', detail: 'scripted' });
  });

  it('times an attempt out and retries a GET; the deadline ends the call', async () => {
    const retried = scripted(['hang', ok()]);
    await expect(api(retried.fetch, { attemptTimeoutMs: 50 }).getItem({ itemId: ITEM.id })).resolves.toEqual(
      ITEM,
    );
    const hung = scripted(['hang', 'hang', 'hang']);
    const error = await api(hung.fetch, { attemptTimeoutMs: 5_000, deadlineMs: 80 })
      .getItem({ itemId: ITEM.id })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(retried.sent).toHaveLength(2);
    expect(hung.sent).toHaveLength(1);
    expect(error).toMatchObject({ name: 'TimeoutError' });
  });

  it('stops when the caller aborts, without retrying', async () => {
    const { fetch, sent } = scripted(['hang', ok()]);
    const controller = new AbortController();
    const call = api(fetch).getItem({ itemId: ITEM.id, signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(call).rejects.toThrow('user left');
    expect(sent).toHaveLength(1);
  });

  it('asks the token function per attempt, and once more after a 401', async () => {
    // Prepare
    const { fetch, sent } = scripted([problem('/problems/unauthorized', 401), 'network-error', ok()]);
    let issued = 0;
    const token = async () => `token-${++issued}`;

    // Act
    await createItemsApi({ baseUrl: 'http://api.test', fetch, token, baseDelayMs: 1 }).getItem({
      itemId: ITEM.id,
    });
    const twice = scripted([
      problem('/problems/unauthorized', 401),
      problem('/problems/unauthorized', 401),
      ok(),
    ]);
    const refused = await createItemsApi({ baseUrl: 'http://api.test', fetch: twice.fetch, token })
      .getItem({ itemId: ITEM.id })
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    // Assess
    expect(sent.map(({ headers }) => headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-3',
    ]);
    expect(twice.sent).toHaveLength(2);
    expect(refused).toMatchObject({ status: 401, type: '/problems/unauthorized' });
  });

  it('builds the request from the operation table', async () => {
    const { fetch, sent } = scripted([ok(), ok(), ok()]);
    const client = api(fetch);
    await client.listItems({ limit: 2, nextToken: 'a b/c', status: 'active' });
    await client.updateItem({ itemId: 'a/b', ifMatch: ITEM, body: { status: 'archived' } });
    await client.getItem({ itemId: ITEM.id }).withResponse();
    expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET http://api.test/items?limit=2&nextToken=a+b%2Fc&status=active',
      `PATCH http://api.test/items/a%2Fb`,
      `GET http://api.test/items/${ITEM.id}`,
    ]);
    expect(sent[1]?.headers).toMatchObject({
      'content-type': 'application/merge-patch+json',
      'if-match': '"1"',
    });
    expect(sent[2]?.headers['content-type']).toBeUndefined();
  });
});
