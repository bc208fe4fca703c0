import type { OperationId, RequestBody } from '../../src/http/operation-types';
import { AUTH_MODES } from '../../src/local/gateway/authorizer';
import type { Item } from '../support/api-types';
import { asItem, asProblem, createMediaUpload } from '../support/factories';
import { type DocumentedStatus, type PathParameters, pathOf, ROUTES } from '../support/operations';
import { startTestApi, type TestApi } from '../support/test-api';
import { forgedTokens } from '../support/tokens';

/** How a request identifies its caller; `subject` ones get a valid token for that subject. */
type Credential =
  | { readonly kind: 'owner' | 'another subject'; readonly subject: string }
  | { readonly kind: string; readonly authorization?: string };

const OWNER = 'alice';
const ANOTHER = 'mallory';

/** What each request is aimed at: alice's item and, for operations on one media, a media of it. */
interface Fixtures {
  readonly item: Item;
  readonly mediaId: string;
}

/** One operation's row: a valid request aimed at alice's fixtures, and what each valid caller gets. */
interface OperationRow<Id extends OperationId> {
  readonly path: (fixtures: Fixtures) => PathParameters<Id>;
  readonly body?: RequestBody<Id>;
  readonly owner: DocumentedStatus<Id>;
  readonly 'another subject': DocumentedStatus<Id>;
}

/** Every operation, so a new one in the spec does not compile until its row says who may call it. */
const OPERATIONS = {
  listItems: { path: () => ({}), owner: 200, 'another subject': 200 },
  createItem: { path: () => ({}), body: { name: 'new' }, owner: 201, 'another subject': 201 },
  getItem: { path: ({ item }) => ({ itemId: item.id }), owner: 200, 'another subject': 404 },
  replaceItem: {
    path: ({ item }) => ({ itemId: item.id }),
    body: { name: 'taken over' },
    owner: 200,
    'another subject': 404,
  },
  updateItem: {
    path: ({ item }) => ({ itemId: item.id }),
    body: { name: 'taken over' },
    owner: 200,
    'another subject': 404,
  },
  deleteItem: { path: ({ item }) => ({ itemId: item.id }), owner: 204, 'another subject': 404 },
  listMedia: { path: ({ item }) => ({ itemId: item.id }), owner: 200, 'another subject': 404 },
  createMediaUpload: {
    path: ({ item }) => ({ itemId: item.id }),
    body: { contentType: 'image/png', size: 10 },
    owner: 201,
    'another subject': 404,
  },
  getMedia: {
    path: ({ item, mediaId }) => ({ itemId: item.id, mediaId }),
    owner: 200,
    'another subject': 404,
  },
  deleteMedia: {
    path: ({ item, mediaId }) => ({ itemId: item.id, mediaId }),
    owner: 204,
    'another subject': 404,
  },
} satisfies { readonly [Id in OperationId]: OperationRow<Id> };

const AUTHENTICATED = ['owner', 'another subject'] as const;
const UNAUTHENTICATED = [
  'no token',
  'expired token',
  'bad signature',
  'wrong audience',
  'wrong issuer',
  'alg none',
  'HMAC-signed',
];

const isAuthenticated = (kind: string): kind is (typeof AUTHENTICATED)[number] =>
  AUTHENTICATED.some((authenticated) => authenticated === kind);

/** One operation's row, widened so rows of different operations can be used alike. */
function rowOf(id: OperationId): {
  readonly path: (fixtures: Fixtures) => Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  readonly owner: number;
  readonly 'another subject': number;
} {
  return OPERATIONS[id];
}

// Every row holds behind each front door: the REST API's gateway verifies tokens as Cognito's or as
// the JWT Lambda authorizer's code does, and the function reads the caller from where each leaves
// it; behind the HTTP API (http-v2 over HTTP, lambda-v2 as events) the function verifies them
// itself. Either way every 401 is the spec's problem+json.
const SETUPS = [
  ...AUTH_MODES.map(
    (authMode) => ({ label: `REST API, ${authMode} authorizer`, transport: 'http', authMode }) as const,
  ),
  { label: 'HTTP API over HTTP, function-verified', transport: 'http-v2', authMode: undefined },
  { label: 'HTTP API v2 events, function-verified', transport: 'lambda-v2', authMode: undefined },
] as const;

describe.each(SETUPS)('authorization matrix: $label', ({ label, transport, authMode }) => {
  let api: TestApi;
  const credentials: Credential[] = [];
  const observed: Record<string, Record<string, number>> = {};
  beforeAll(async () => {
    api = await startTestApi(transport, authMode === undefined ? {} : { authMode });
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
    const rows = ROUTES.map(
      ({ operationId }) =>
        `| ${operationId} | ${kinds.map((kind) => observed[kind]?.[operationId] ?? '').join(' | ')} |`,
    );
    console.info(
      [
        label,
        `| operation | ${kinds.join(' | ')} |`,
        `|---|${kinds.map(() => '---').join('|')}|`,
        ...rows,
      ].join('\n'),
    );
  });

  const cells = ROUTES.flatMap((route) =>
    [...AUTHENTICATED, ...UNAUTHENTICATED].map((kind) => ({
      route,
      kind,
      expected: isAuthenticated(kind) ? rowOf(route.operationId)[kind] : 401,
    })),
  );

  it.each(cells)('$route.operationId with $kind → $expected', async ({ route, kind, expected }) => {
    // Prepare
    const item = asItem(
      await api.call('POST', '/items', { body: { name: 'alice private' }, subject: OWNER }),
    );
    // Operations on one media get a real media of alice's item, so the owner's row is a success.
    const mediaId = route.template.includes('{mediaId}')
      ? (await createMediaUpload(api, item.id, undefined, OWNER)).id
      : '';
    const credential = credentials.find((candidate) => candidate.kind === kind);
    if (credential === undefined) throw new Error(`no credential ${kind}`);
    const row = rowOf(route.operationId);

    // Act
    const response = await api.call(route.method, pathOf(route, row.path({ item, mediaId })), {
      ...(row.body !== undefined && { body: row.body }),
      ...('subject' in credential ? { subject: credential.subject } : { subject: null }),
      ...('authorization' in credential &&
        credential.authorization !== undefined && { headers: { Authorization: credential.authorization } }),
    });

    // Assess
    observed[kind] = { ...observed[kind], [route.operationId]: response.status };
    expect(response.status).toBe(expected);
    if (expected === 401) {
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(asProblem(response)).toMatchObject({
        type: '/problems/unauthorized',
        detail: 'A valid bearer token is required.',
      });
    }
    if (kind !== 'owner') {
      // Whoever asked, alice's item is exactly as she left it, and nothing they got back shows it
      // (an error may echo the id they sent, never her item's contents).
      expect(asItem(await api.call('GET', `/items/${item.id}`, { subject: OWNER }))).toEqual(item);
      expect(response.body).not.toContain(item.name);
      // …and her media is still there.
      if (mediaId !== '') {
        const media = await api.call('GET', `/items/${item.id}/media/${mediaId}`, { subject: OWNER });
        expect(media.status).toBe(200);
      }
    }
  });
});
