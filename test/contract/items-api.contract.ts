/**
 * The contract suite: what Schemathesis checks, in TypeScript, against any base URL. For every
 * operation in openapi.yaml it sends inputs generated from the schemas; every response must be
 * documented for the operation (status, content type, body and headers, checked by
 * test/support/contract.ts), no input may cause a 5xx, valid inputs must be accepted and invalid
 * ones rejected with a documented 4xx. Stateful flows go through the SDK (clients/typescript).
 */
import {
  createItemsApi,
  type Item,
  type ItemsApi,
  type Media,
  ProblemError,
} from '../../clients/typescript/src';
import spec from '../../generated/openapi.json';
import type { OperationId } from '../../src/http/operation-types';
import { assertMatchesContract, inline, type ObservedResponse } from '../support/contract';
import { type PathParameters, pathOf, ROUTES, type Route } from '../support/operations';
import {
  bodyCases,
  type GeneratedValue,
  invalidValues,
  type Schema,
  validValue,
  validValues,
} from './schema-cases';
import { type ContractTarget, contractTargets } from './targets';

interface Parameter {
  readonly name: string;
  readonly example?: unknown;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

interface OperationSpec {
  readonly route: Route;
  readonly operationId: OperationId;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: {
    readonly schema: Schema;
    readonly mediaTypes: readonly string[];
    readonly required: boolean;
  };
}

interface RequestInput {
  readonly path: Record<string, string>;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  /** Raw body text and its media type. */
  readonly body?: { readonly text: string; readonly mediaType: string };
}

interface Case {
  readonly description: string;
  readonly build: (base: RequestInput) => RequestInput;
}

type Json = Record<string, unknown>;
const resolved = inline(spec) as { paths: Record<string, Json> };

const operations: OperationSpec[] = ROUTES.map((route) => {
  const item = resolved.paths[route.template] ?? {};
  const operation = item[route.method.toLowerCase()] as Json;
  const parameters = [
    ...((item.parameters as Parameter[] | undefined) ?? []),
    ...((operation.parameters as Parameter[] | undefined) ?? []),
  ];
  const requestBody = operation.requestBody as
    | { content: Record<string, { schema: Schema }>; required?: boolean }
    | undefined;
  const mediaTypes = requestBody === undefined ? [] : Object.keys(requestBody.content);
  const firstMedia = mediaTypes[0];
  return {
    route,
    operationId: route.operationId,
    method: route.method,
    path: route.template,
    // A parameter's own example is the best valid value; generation falls back to the schema.
    parameters: parameters.map((parameter) => ({
      ...parameter,
      required: parameter.required === true,
      schema: 'example' in parameter ? { ...parameter.schema, example: parameter.example } : parameter.schema,
    })),
    ...(requestBody !== undefined &&
      firstMedia !== undefined && {
        body: {
          schema: requestBody.content[firstMedia]?.schema ?? {},
          mediaTypes,
          required: requestBody.required === true,
        },
      }),
  };
});

/** What a stateful target can make for a request: an item of the suite's caller. */
interface Fixtures {
  item(): Promise<Item>;
  /** A pending media on a fresh item of the caller. */
  media(): Promise<{ readonly itemId: string; readonly mediaId: string }>;
}

/**
 * How each operation's path parameters are obtained on a stateful target, where a schema-valid
 * value would only name nothing: every case gets its own fresh fixture. A new operation does not
 * compile until it has a row here.
 */
const PATH_FIXTURES = {
  listItems: async () => ({}),
  createItem: async () => ({}),
  getItem: async ({ item }) => ({ itemId: (await item()).id }),
  replaceItem: async ({ item }) => ({ itemId: (await item()).id }),
  updateItem: async ({ item }) => ({ itemId: (await item()).id }),
  deleteItem: async ({ item }) => ({ itemId: (await item()).id }),
  listMedia: async ({ item }) => ({ itemId: (await item()).id }),
  createMediaUpload: async ({ item }) => ({ itemId: (await item()).id }),
  getMedia: async ({ media }) => media(),
  deleteMedia: async ({ media }) => media(),
} satisfies { readonly [Id in OperationId]: (fixtures: Fixtures) => Promise<PathParameters<Id>> };

/** One operation's fixture, widened so fixtures of different operations can be used alike. */
function pathFixture(id: OperationId): (fixtures: Fixtures) => Promise<Readonly<Record<string, unknown>>> {
  return PATH_FIXTURES[id];
}

/** Opaque values only the server can mint; a schema-valid string is not a valid one. */
const OPAQUE_PARAMETERS = new Set(['nextToken']);

const asText = (value: unknown): string => (typeof value === 'string' ? value : String(value));

function validCases(operation: OperationSpec): Case[] {
  const cases: Case[] = [{ description: 'the minimal valid request', build: (base) => base }];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' || OPAQUE_PARAMETERS.has(parameter.name)) continue;
    for (const generated of validValues(parameter.schema)) {
      if (generated.value === null) continue;
      cases.push({
        description: `${parameter.name} = ${generated.description}`,
        build: (base) => withParameter(base, parameter, asText(generated.value)),
      });
    }
  }
  if (operation.body !== undefined) {
    const { valid } = bodyCases(operation.body.schema);
    const mediaType = operation.body.mediaTypes[0] ?? 'application/json';
    for (const generated of valid) {
      cases.push({
        description: `body with ${generated.description}`,
        build: (base) => ({ ...base, body: { text: JSON.stringify(generated.value), mediaType } }),
      });
    }
    for (const other of operation.body.mediaTypes.slice(1)) {
      cases.push({
        description: `body as ${other}`,
        build: (base) => ({ ...base, body: { text: base.body?.text ?? '{}', mediaType: other } }),
      });
    }
  }
  return cases;
}

function invalidCases(operation: OperationSpec): Case[] {
  const cases: Case[] = [];
  for (const parameter of operation.parameters) {
    // On the wire every parameter is text: "not a string" and null are not expressible, and an
    // empty query value (`?x=`) is commonly read as absent.
    const values = invalidValues(parameter.schema).filter(
      (generated) =>
        generated.value !== null &&
        generated.value !== '' &&
        !(parameter.schema.type === 'string' && typeof generated.value === 'number'),
    );
    for (const generated of values) {
      cases.push({
        description: `${parameter.name} = ${generated.description}`,
        build: (base) => withParameter(base, parameter, asText(generated.value)),
      });
    }
  }
  const body = operation.body;
  if (body !== undefined) {
    const mediaType = body.mediaTypes[0] ?? 'application/json';
    // Every accepted media type gets the invalid bodies: each is its own path through a server.
    const invalidBodies = bodyCases(body.schema).invalid;
    for (const media of body.mediaTypes) {
      const label = body.mediaTypes.length > 1 ? `body as ${media}` : 'body';
      const asBody = (generated: GeneratedValue): Case => ({
        description: `${label} with ${generated.description}`,
        build: (base) => ({ ...base, body: { text: JSON.stringify(generated.value), mediaType: media } }),
      });
      cases.push(...invalidBodies.map(asBody));
    }
    cases.push({
      description: 'malformed JSON',
      build: (base) => ({ ...base, body: { text: '{"name": ', mediaType } }),
    });
    cases.push({
      description: 'an unsupported media type',
      build: (base) => ({ ...base, body: { text: base.body?.text ?? '{}', mediaType: 'text/plain' } }),
    });
    if (body.required) {
      cases.push({ description: 'no body', build: ({ body: _body, ...rest }) => rest });
    }
  }
  // An empty Authorization header overrides the target's token: the request carries none.
  cases.push({
    description: 'no bearer token',
    build: (base) => ({ ...base, headers: { ...base.headers, Authorization: '' } }),
  });
  return cases;
}

function withParameter(base: RequestInput, parameter: Parameter, value: string): RequestInput {
  const section = parameter.in === 'header' ? 'headers' : parameter.in;
  return { ...base, [section]: { ...base[section], [parameter.name]: value } };
}

async function send(
  target: ContractTarget,
  operation: OperationSpec,
  input: RequestInput,
): Promise<ObservedResponse> {
  const path = pathOf(operation.route, input.path);
  const query = new URLSearchParams(input.query).toString();
  const response = await fetch(`${target.url}${path}${query === '' ? '' : `?${query}`}`, {
    method: operation.method,
    headers: {
      Authorization: target.authorization,
      ...input.headers,
      ...(input.body !== undefined && { 'Content-Type': input.body.mediaType }),
    },
    ...(input.body !== undefined && { body: input.body.text }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const observed = { status: response.status, headers, body: await response.text() };
  assertMatchesContract(operation.method, path, observed);
  return observed;
}

/** The SDK client teams install, with every response it receives checked against the spec as well. */
function checkedApi(target: ContractTarget): ItemsApi {
  // The target's own path (a stage's `/dev`) is not the spec's: paths are checked within the API.
  const prefix = new URL(target.url).pathname.replace(/\/$/, '');
  const bearer = /^Bearer (.+)$/.exec(target.authorization)?.[1];
  return createItemsApi({
    baseUrl: target.url,
    // Through the SDK's own token option where the target's credential is a bearer token.
    ...(bearer === undefined ? { headers: { authorization: target.authorization } } : { token: bearer }),
    // One attempt per call: a retry would hide a 5xx from the flows, and the SDK would take a
    // contract violation thrown below for a lost answer and try again.
    retries: 0,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      assertMatchesContract(init.method ?? 'GET', new URL(url).pathname.slice(prefix.length), {
        status: response.status,
        headers,
        body: await response.clone().text(),
      });
      return response;
    },
  });
}

/** The error a call failed with, so an answer the flow expects to be a problem can be asserted. */
function failureOf(call: PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve(call).then(
    () => undefined,
    (error: unknown) => error,
  );
}

const caseCounts: Record<string, Record<string, { valid: number; invalid: number; leftOut: number }>> = {};
const leftOut: string[] = [];
afterAll(() => {
  console.info(
    `generated cases per operation:\n${JSON.stringify(caseCounts, null, 2)}\nleft out as known target limitations:\n${leftOut.join('\n') || '(none)'}`,
  );
});

function withoutLimitations(target: ContractTarget, operation: OperationSpec, cases: Case[]): Case[] {
  const limits = Object.entries(target.limitations ?? {});
  return cases.filter((candidate) => {
    const name = `${operation.operationId}: ${candidate.description}`;
    const limit = limits.find(([pattern]) => new RegExp(pattern).test(name));
    if (limit !== undefined) leftOut.push(`${target.name} / ${name}: ${limit[1]}`);
    return limit === undefined;
  });
}

describe.each(contractTargets())('$name', (target) => {
  const api = checkedApi(target);

  /** A request with every required part valid; on stateful targets the path names fresh fixtures. */
  async function baseRequest(operation: OperationSpec): Promise<RequestInput> {
    const path: Record<string, string> = {};
    if (target.stateful) {
      const fixture = await pathFixture(operation.operationId)({
        item: () => createItem(),
        media: () => createMedia(),
      });
      for (const [name, value] of Object.entries(fixture)) path[name] = asText(value);
    } else {
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        path[parameter.name] = asText(validValue(parameter.schema));
      }
    }
    const mediaType = operation.body?.mediaTypes[0];
    return {
      path,
      query: {},
      headers: {},
      ...(operation.body !== undefined &&
        mediaType !== undefined && {
          body: { text: JSON.stringify(bodyCases(operation.body.schema).valid[0]?.value ?? {}), mediaType },
        }),
    };
  }

  async function createItem(
    body: { name: string; description?: string } = { name: 'contract item' },
  ): Promise<Item> {
    return api.createItem({ body });
  }

  async function createMedia(): Promise<{ itemId: string; mediaId: string }> {
    const itemId = (await createItem()).id;
    const media = await api.createMediaUpload({
      itemId,
      body: { contentType: 'image/png', size: 68, fileName: 'contract.png' },
    });
    return { itemId, mediaId: media.id };
  }

  describe.each(operations)('$operationId ($method $path)', (operation) => {
    const valid = validCases(operation);
    const generated = target.negative ? invalidCases(operation) : [];
    const invalid = withoutLimitations(target, operation, generated);
    caseCounts[target.name] = {
      ...caseCounts[target.name],
      [operation.operationId]: {
        valid: valid.length,
        invalid: invalid.length,
        leftOut: generated.length - invalid.length,
      },
    };

    it.each(valid)('accepts $description', async ({ build }) => {
      const response = await send(target, operation, build(await baseRequest(operation)));

      // Accepted: not rejected as invalid. 404 and 412 are answers about state, not about the input.
      expect([400, 415, 422]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    });

    if (invalid.length > 0) {
      it.each(invalid)('rejects $description with a documented 4xx', async ({ build }) => {
        const response = await send(target, operation, build(await baseRequest(operation)));

        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      });
    }
  });

  it('answers a Location that, resolved from the request URL, reaches the item', async () => {
    // Prepare
    const requestUrl = `${target.url}/items`;
    const created = await api.createItem({ body: { name: 'Located' } }).withResponse();
    const location = created.response.headers.get('location') ?? '';

    // Act: as a client follows it (RFC 9110 §10.2.2: a URI reference, resolved against the request URL)
    const followed = await fetch(new URL(location, requestUrl), {
      headers: { Authorization: target.authorization },
    });

    // Assess
    expect(created.response.status).toBe(201);
    expect(followed.status).toBe(200);
    // The mock is stateless: its Location is the spec's example, and what it answers there is the
    // example item, not the one "created".
    if (target.stateful) expect(await followed.json()).toEqual(created.data);
  });

  if (target.stateful) {
    // The spec's 401 holds whichever gateway is in front: the REST API's gateway response, or the
    // function itself behind the HTTP API (the JWT authorizer option would answer its own body here).
    // Not through `prism proxy --errors`: it refuses a missing credential itself, with a problem type
    // of its own (not the API's catalog), before the API sees the request.
    if (target.negative)
      it.each(operations)(
        "answers $operationId without credentials with the spec's 401",
        async (operation) => {
          const response = await send(target, operation, {
            ...(await baseRequest(operation)),
            headers: { Authorization: '' },
          });

          expect(response.status).toBe(401);
          expect(response.headers['content-type']).toBe('application/problem+json');
        },
      );

    // Unknown routes reach the function (the HTTP API through its $default route), which answers
    // them; Prism's proxy answers them itself, so only targets that take invalid input are asked.
    if (target.negative) {
      it.each([
        ['GET', '/no-such-resource', 404, '/problems/not-found'],
        ['DELETE', '/items', 405, '/problems/method-not-allowed'],
      ])('answers %s %s with problem+json %i', async (method, path, status, type) => {
        const response = await fetch(`${target.url}${path}`, {
          method,
          headers: { Authorization: target.authorization },
        });

        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({ type, status });
      });
    }

    it('creates an item that can be read at its Location, updated, listed and deleted', async () => {
      // Prepare
      const created = await api
        .createItem({ body: { name: 'Lifecycle', description: 'from the contract suite' } })
        .withResponse();
      const location = created.response.headers.get('location') ?? '';
      const itemId = created.data.id;

      // Act
      const read = await api.getItem({ itemId }).withResponse();
      // The ETag as the server sent it, not one the SDK derives from the item's version.
      const patched = await api.updateItem({
        itemId,
        ifMatch: read.response.headers.get('etag') ?? '',
        body: { status: 'archived', description: null },
      });
      const listed = await api.listItems({ status: 'archived', limit: 100 });
      const deleted = await api.deleteItem({ itemId }).withResponse();
      const gone = await failureOf(api.getItem({ itemId }));

      // Assess
      expect(created.response.status).toBe(201);
      expect(new URL(location, `${target.url}/items`).href).toBe(`${target.url}/items/${itemId}`);
      expect(read.data).toEqual(created.data);
      expect(patched).toMatchObject({ id: itemId, status: 'archived', version: 2 });
      expect(patched.description).toBeUndefined();
      expect(listed.items.map((item) => item.id)).toContain(itemId);
      expect(deleted.response.status).toBe(204);
      expect(gone).toBeInstanceOf(ProblemError);
      expect(gone).toMatchObject({ status: 404 });
    });

    it('announces a media, uploads it with exactly the returned headers, reads it ready, lists and deletes it', async () => {
      // Prepare
      const item = await createItem({ name: 'with a picture' });
      const bytes = new TextEncoder().encode('contract suite media bytes');
      // The upload's steps one by one (not the SDK's uploadMedia): each answer is asserted on its own.
      const created = await api
        .createMediaUpload({
          itemId: item.id,
          body: { contentType: 'image/png', size: bytes.length, fileName: 'contract.png' },
        })
        .withResponse();
      const { upload, id: mediaId } = created.data;

      // Act
      const { 'Content-Length': _length, ...headers } = upload.headers;
      const put = await fetch(upload.url, { method: 'PUT', headers, body: bytes });
      let ready: Media | undefined;
      // The upload worker confirms asynchronously on AWS; locally the API also confirms on read.
      for (let attempt = 0; attempt < 50 && ready?.status !== 'ready'; attempt++) {
        ready = await api.getMedia({ itemId: item.id, mediaId });
        if (ready.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const download = await fetch(ready?.download?.url ?? 'http://invalid/');
      const listed = await api.listMedia({ itemId: item.id });
      const deleted = await api.deleteMedia({ itemId: item.id, mediaId }).withResponse();
      const gone = await failureOf(api.getMedia({ itemId: item.id, mediaId }));

      // Assess
      expect(created.response.status).toBe(201);
      // Resolved from the request URL, Location reaches the media on every target, under a stage path too.
      const mediaUrl = `${target.url}/items/${item.id}/media`;
      expect(new URL(created.response.headers.get('location') ?? '', mediaUrl).href).toBe(
        `${mediaUrl}/${mediaId}`,
      );
      expect(put.status).toBe(200);
      expect(ready).toMatchObject({ status: 'ready', size: bytes.length, fileName: 'contract.png' });
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
      expect(listed.media.map((media) => media.id)).toEqual([mediaId]);
      expect(deleted.response.status).toBe(204);
      expect(gone).toBeInstanceOf(ProblemError);
      expect(gone).toMatchObject({ status: 404 });
    });

    it('pages through every item exactly once', async () => {
      const created = [
        await createItem({ name: 'page 1' }),
        await createItem({ name: 'page 2' }),
        await createItem({ name: 'page 3' }),
      ];
      const seen: string[] = [];

      // The SDK follows nextToken unchanged until the last page; every page is checked as it comes.
      for await (const item of api.listItems({ limit: 2 })) seen.push(item.id);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(created.map((item) => item.id)));
    });
  }
});
