import { asItem, asPage, asProblem, type ItemBody } from '../support/factories';
import { startTestApi, type TestApi } from '../support/test-api';
import { forgedTokens } from '../support/tokens';

/** How a request identifies its caller; `subject` ones get a valid token for that subject. */
type Credential =
  | { readonly kind: 'owner' | 'another subject'; readonly subject: string }
  | { readonly kind: string; readonly authorization?: string };

const OWNER = 'alice';
const ANOTHER = 'mallory';

interface Operation {
  readonly id: string;
  readonly request: (item: ItemBody) => { method: string; path: string; body?: unknown };
}

const OPERATIONS: readonly Operation[] = [
  { id: 'listItems', request: () => ({ method: 'GET', path: '/items' }) },
  { id: 'createItem', request: () => ({ method: 'POST', path: '/items', body: { name: 'new' } }) },
  { id: 'getItem', request: (item) => ({ method: 'GET', path: `/items/${item.id}` }) },
  {
    id: 'replaceItem',
    request: (item) => ({ method: 'PUT', path: `/items/${item.id}`, body: { name: 'taken over' } }),
  },
  {
    id: 'updateItem',
    request: (item) => ({ method: 'PATCH', path: `/items/${item.id}`, body: { name: 'taken over' } }),
  },
  { id: 'deleteItem', request: (item) => ({ method: 'DELETE', path: `/items/${item.id}` }) },
];

const EXPECTED: Record<string, Record<string, number>> = {
  owner: {
    listItems: 200,
    createItem: 201,
    getItem: 200,
    replaceItem: 200,
    updateItem: 200,
    deleteItem: 204,
  },
  'another subject': {
    listItems: 200,
    createItem: 201,
    getItem: 404,
    replaceItem: 404,
    updateItem: 404,
    deleteItem: 404,
  },
};
const UNAUTHENTICATED = [
  'no token',
  'expired token',
  'bad signature',
  'wrong audience',
  'wrong issuer',
  'alg none',
  'HMAC-signed',
];

describe('authorization matrix, over HTTP through the local gateway', () => {
  let api: TestApi;
  const credentials: Credential[] = [];
  const observed: Record<string, Record<string, number>> = {};
  beforeAll(async () => {
    api = await startTestApi('http');
    const forged = await forgedTokens();
    credentials.push(
      { kind: 'owner', subject: OWNER },
      { kind: 'another subject', subject: ANOTHER },
      { kind: 'no token' },
      {
        kind: 'expired token',
        authorization: `Bearer ${await api.identity.issue(OWNER, { ttlSeconds: -60 })}`,
      },
      { kind: 'bad signature', authorization: `Bearer ${forged['bad signature']}` },
      {
        kind: 'wrong audience',
        authorization: `Bearer ${await api.identity.issue(OWNER, { audience: 'another-api' })}`,
      },
      {
        kind: 'wrong issuer',
        authorization: `Bearer ${await api.identity.issue(OWNER, { issuer: 'https://evil.example.com' })}`,
      },
      { kind: 'alg none', authorization: `Bearer ${forged['alg none']}` },
      { kind: 'HMAC-signed', authorization: `Bearer ${forged['HMAC-signed']}` },
    );
  });
  afterAll(async () => {
    await api.close();
    const kinds = Object.keys(observed);
    const rows = OPERATIONS.map(
      ({ id }) => `| ${id} | ${kinds.map((kind) => observed[kind]?.[id] ?? '').join(' | ')} |`,
    );
    console.info(
      [`| operation | ${kinds.join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`, ...rows].join(
        '\n',
      ),
    );
  });

  const cells = OPERATIONS.flatMap((operation) =>
    [...Object.keys(EXPECTED), ...UNAUTHENTICATED].map((kind) => ({
      operation,
      kind,
      expected: EXPECTED[kind]?.[operation.id] ?? 401,
    })),
  );

  it.each(cells)('$operation.id with $kind → $expected', async ({ operation, kind, expected }) => {
    // Prepare
    const ownersItem = asItem(
      await api.call('POST', '/items', { body: { name: 'alice private' }, subject: OWNER }),
    );
    const credential = credentials.find((candidate) => candidate.kind === kind);
    if (credential === undefined) throw new Error(`no credential ${kind}`);
    const { method, path, body } = operation.request(ownersItem);

    // Act
    const response = await api.call(method, path, {
      ...(body !== undefined && { body }),
      ...('subject' in credential ? { subject: credential.subject } : { subject: null }),
      ...('authorization' in credential &&
        credential.authorization !== undefined && { headers: { Authorization: credential.authorization } }),
    });

    // Assess
    observed[kind] = { ...observed[kind], [operation.id]: response.status };
    expect(response.status).toBe(expected);
    if (expected === 401) {
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(asProblem(response)).toMatchObject({
        type: '/problems/unauthorized',
        detail: 'A valid bearer token is required.',
      });
    }
    if (kind !== 'owner' && operation.id !== 'createItem') {
      // Whoever asked, alice's item is exactly as she left it, and nobody else saw it.
      expect(asItem(await api.call('GET', `/items/${ownersItem.id}`, { subject: OWNER }))).toEqual(
        ownersItem,
      );
      if (response.status === 200 && operation.id === 'listItems') {
        expect(asPage(response).items.map((listed) => listed.id)).not.toContain(ownersItem.id);
      }
    }
  });
});
