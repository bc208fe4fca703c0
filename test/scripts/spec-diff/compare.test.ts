import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compareSpecs, RefError, type SpecChange } from '../../../scripts/spec-diff/compare';

type Json = Record<string, unknown>;

const REQUEST_BODY = 'POST /things request body application/json';
const RESPONSE_BODY = 'GET /things response 200 application/json';

const createSpec = (paths: Json, components: Json = {}): Json => ({
  openapi: '3.0.3',
  info: { title: 'Things', version: '1.0.0' },
  paths,
  components,
});

const ok = { '200': { description: 'OK' } };

/** A spec whose one operation (POST /things) accepts `schema` as its JSON body. */
const withRequestSchema = (schema: Json): Json =>
  createSpec({
    '/things': {
      post: { requestBody: { required: true, content: { 'application/json': { schema } } }, responses: ok },
    },
  });

/** A spec whose one operation (GET /things) answers 200 with `schema`. */
const withResponseSchema = (schema: Json): Json =>
  createSpec({
    '/things': {
      get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } },
    },
  });

/** A spec with GET /things, taking `overrides` (parameters, requestBody, responses) on the operation. */
const withOperation = (overrides: Json): Json =>
  createSpec({ '/things': { get: { responses: ok, ...overrides } } });

const object = (properties: Json, required: string[] = [], extra: Json = {}): Json => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const str = (extra: Json = {}): Json => ({ type: 'string', ...extra });

const change = (breaking: boolean, location: string, message: string): SpecChange => ({
  breaking,
  location,
  message,
});

describe('compareSpecs', () => {
  describe('request body schemas: narrowing breaks, widening does not', () => {
    it.each<[string, Json, Json, SpecChange]>([
      [
        'property newly required',
        object({ a: str(), b: str() }, ['a']),
        object({ a: str(), b: str() }, ['a', 'b']),
        change(true, `${REQUEST_BODY} /properties/b`, 'property is now required'),
      ],
      [
        'new required property',
        object({ a: str() }),
        object({ a: str(), b: str() }, ['b']),
        change(true, `${REQUEST_BODY} /properties/b`, 'required property added'),
      ],
      [
        'type changed',
        object({ a: str() }),
        object({ a: { type: 'integer' } }),
        change(true, `${REQUEST_BODY} /properties/a`, 'type changed from string to integer'),
      ],
      [
        'enum value removed',
        object({ a: str({ enum: ['x', 'y'] }) }),
        object({ a: str({ enum: ['x'] }) }),
        change(true, `${REQUEST_BODY} /properties/a`, 'enum value "y" removed'),
      ],
      [
        'maxLength lowered',
        object({ a: str({ maxLength: 200 }) }),
        object({ a: str({ maxLength: 100 }) }),
        change(true, `${REQUEST_BODY} /properties/a`, 'maxLength lowered from 200 to 100'),
      ],
      [
        'minLength raised',
        object({ a: str({ minLength: 1 }) }),
        object({ a: str({ minLength: 3 }) }),
        change(true, `${REQUEST_BODY} /properties/a`, 'minLength raised from 1 to 3'),
      ],
      [
        'maximum lowered',
        object({ n: { type: 'integer', maximum: 100 } }),
        object({ n: { type: 'integer', maximum: 50 } }),
        change(true, `${REQUEST_BODY} /properties/n`, 'maximum lowered from 100 to 50'),
      ],
      [
        'minimum raised',
        object({ n: { type: 'integer', minimum: 1 } }),
        object({ n: { type: 'integer', minimum: 5 } }),
        change(true, `${REQUEST_BODY} /properties/n`, 'minimum raised from 1 to 5'),
      ],
      [
        'pattern added',
        object({ a: str() }),
        object({ a: str({ pattern: '^\\d+$' }) }),
        change(true, `${REQUEST_BODY} /properties/a`, 'pattern added (^\\d+$)'),
      ],
      [
        'pattern changed',
        object({ a: str({ pattern: '^a' }) }),
        object({ a: str({ pattern: '^b' }) }),
        change(true, `${REQUEST_BODY} /properties/a`, 'pattern changed from ^a to ^b'),
      ],
      [
        'additional properties forbidden',
        object({ a: str() }, [], { additionalProperties: true }),
        object({ a: str() }, [], { additionalProperties: false }),
        change(true, REQUEST_BODY, 'additional properties no longer allowed'),
      ],
      [
        'property removed from a closed schema',
        object({ a: str(), b: str() }, [], { additionalProperties: false }),
        object({ a: str() }, [], { additionalProperties: false }),
        change(true, `${REQUEST_BODY} /properties/b`, 'property removed'),
      ],
      [
        'no longer nullable',
        object({ a: str({ nullable: true }) }),
        object({ a: str() }),
        change(true, `${REQUEST_BODY} /properties/a`, 'no longer nullable'),
      ],
      [
        'constraint narrowed inside array items',
        object({ tags: { type: 'array', items: str({ maxLength: 20 }) } }),
        object({ tags: { type: 'array', items: str({ maxLength: 10 }) } }),
        change(true, `${REQUEST_BODY} /properties/tags/items`, 'maxLength lowered from 20 to 10'),
      ],
      [
        'enum narrowed behind an allOf wrapper',
        object({ s: { allOf: [str({ enum: ['x', 'y'] })], default: 'x' } }),
        object({ s: { allOf: [str({ enum: ['x'] })], default: 'x' } }),
        change(true, `${REQUEST_BODY} /properties/s`, 'enum value "y" removed'),
      ],
      [
        'new optional property',
        object({ a: str() }),
        object({ a: str(), b: str() }),
        change(false, `${REQUEST_BODY} /properties/b`, 'optional property added'),
      ],
      [
        'property no longer required',
        object({ a: str() }, ['a']),
        object({ a: str() }),
        change(false, `${REQUEST_BODY} /properties/a`, 'property is no longer required'),
      ],
      [
        'maxLength raised',
        object({ a: str({ maxLength: 100 }) }),
        object({ a: str({ maxLength: 200 }) }),
        change(false, `${REQUEST_BODY} /properties/a`, 'maxLength raised from 100 to 200'),
      ],
      [
        'minimum removed',
        object({ n: { type: 'integer', minimum: 1 } }),
        object({ n: { type: 'integer' } }),
        change(false, `${REQUEST_BODY} /properties/n`, 'minimum removed (was 1)'),
      ],
      [
        'pattern removed',
        object({ a: str({ pattern: '^a' }) }),
        object({ a: str() }),
        change(false, `${REQUEST_BODY} /properties/a`, 'pattern removed (was ^a)'),
      ],
      [
        'enum value added',
        object({ a: str({ enum: ['x'] }) }),
        object({ a: str({ enum: ['x', 'y'] }) }),
        change(false, `${REQUEST_BODY} /properties/a`, 'enum value "y" added'),
      ],
      [
        'integer widened to number',
        object({ n: { type: 'integer' } }),
        object({ n: { type: 'number' } }),
        change(false, `${REQUEST_BODY} /properties/n`, 'type changed from integer to number'),
      ],
      [
        'additional properties allowed',
        object({ a: str() }, [], { additionalProperties: false }),
        object({ a: str() }),
        change(false, REQUEST_BODY, 'additional properties now allowed'),
      ],
      [
        'property removed from an open schema',
        object({ a: str(), b: str() }),
        object({ a: str() }),
        change(false, `${REQUEST_BODY} /properties/b`, 'property removed'),
      ],
      [
        'new oneOf alternative',
        { oneOf: [str(), { type: 'integer' }] },
        { oneOf: [str(), { type: 'integer' }, { type: 'boolean' }] },
        change(false, REQUEST_BODY, 'oneOf went from 2 to 3 alternatives'),
      ],
    ])('%s', (_, oldSchema, newSchema, expected) => {
      // Prepare
      const before = withRequestSchema(oldSchema);
      const after = withRequestSchema(newSchema);

      // Act
      const changes = compareSpecs(before, after);

      // Assess
      expect(changes).toEqual([expected]);
    });
  });

  describe('response body schemas: removing and widening break, adding and narrowing do not', () => {
    it.each<[string, Json, Json, SpecChange[]]>([
      [
        'property removed',
        object({ a: str(), b: str() }, ['a']),
        object({ a: str() }, ['a']),
        [change(true, `${RESPONSE_BODY} /properties/b`, 'property removed')],
      ],
      [
        'required property removed from items of an array, at depth',
        object({ items: { type: 'array', items: object({ id: str(), at: str() }, ['id', 'at']) } }),
        object({ items: { type: 'array', items: object({ id: str() }, ['id']) } }),
        [change(true, `${RESPONSE_BODY} /properties/items/items/properties/at`, 'property removed')],
      ],
      [
        'property renamed',
        object({ updatedAt: str() }),
        object({ modifiedAt: str() }),
        [
          change(true, `${RESPONSE_BODY} /properties/updatedAt`, 'property removed'),
          change(false, `${RESPONSE_BODY} /properties/modifiedAt`, 'optional property added'),
        ],
      ],
      [
        'property type changed',
        object({ version: { type: 'integer' } }),
        object({ version: str() }),
        [change(true, `${RESPONSE_BODY} /properties/version`, 'type changed from integer to string')],
      ],
      [
        'enum value added',
        object({ a: str({ enum: ['x'] }) }),
        object({ a: str({ enum: ['x', 'y'] }) }),
        [change(true, `${RESPONSE_BODY} /properties/a`, 'enum value "y" added')],
      ],
      [
        'property no longer required',
        object({ a: str() }, ['a']),
        object({ a: str() }),
        [change(true, `${RESPONSE_BODY} /properties/a`, 'property is no longer required')],
      ],
      [
        'maxLength raised',
        object({ a: str({ maxLength: 100 }) }),
        object({ a: str({ maxLength: 200 }) }),
        [change(true, `${RESPONSE_BODY} /properties/a`, 'maxLength raised from 100 to 200')],
      ],
      [
        'now nullable',
        object({ a: str() }),
        object({ a: str({ nullable: true }) }),
        [change(true, `${RESPONSE_BODY} /properties/a`, 'now nullable')],
      ],
      [
        'new property',
        object({ a: str() }),
        object({ a: str(), b: str() }, ['b']),
        [change(false, `${RESPONSE_BODY} /properties/b`, 'required property added')],
      ],
      [
        'enum value removed',
        object({ a: str({ enum: ['x', 'y'] }) }),
        object({ a: str({ enum: ['x'] }) }),
        [change(false, `${RESPONSE_BODY} /properties/a`, 'enum value "y" removed')],
      ],
      [
        'property now required',
        object({ a: str() }),
        object({ a: str() }, ['a']),
        [change(false, `${RESPONSE_BODY} /properties/a`, 'property is now required')],
      ],
      [
        'maxLength lowered',
        object({ a: str({ maxLength: 200 }) }),
        object({ a: str({ maxLength: 100 }) }),
        [change(false, `${RESPONSE_BODY} /properties/a`, 'maxLength lowered from 200 to 100')],
      ],
      [
        'additional properties allowed',
        object({ a: str() }, [], { additionalProperties: false }),
        object({ a: str() }),
        [change(false, RESPONSE_BODY, 'additional properties now allowed')],
      ],
    ])('%s', (_, oldSchema, newSchema, expected) => {
      // Prepare
      const before = withResponseSchema(oldSchema);
      const after = withResponseSchema(newSchema);

      // Act
      const changes = compareSpecs(before, after);

      // Assess
      expect(changes).toEqual(expected);
    });
  });

  describe('paths, operations, parameters, bodies and responses', () => {
    const query = (name: string, required: boolean, schema: Json = str()): Json => ({
      name,
      in: 'query',
      required,
      schema,
    });
    const body = (required: boolean, types: string[] = ['application/json']): Json => ({
      required,
      content: Object.fromEntries(types.map((type) => [type, { schema: object({ a: str() }) }])),
    });
    const withHeaders = (headers: Json): Json => ({ responses: { '200': { description: 'OK', headers } } });
    const header = (required: boolean): Json => ({ required, schema: str() });
    const json = { content: { 'application/json': { schema: str() } } };

    it.each<[string, Json, Json, SpecChange]>([
      [
        'path removed',
        createSpec({ '/things': { get: { responses: ok } }, '/other': { get: { responses: ok } } }),
        createSpec({ '/things': { get: { responses: ok } } }),
        change(true, '/other', 'path removed'),
      ],
      [
        'path added',
        createSpec({ '/things': { get: { responses: ok } } }),
        createSpec({ '/things': { get: { responses: ok } }, '/other': { get: { responses: ok } } }),
        change(false, '/other', 'path added'),
      ],
      [
        'operation removed',
        createSpec({ '/things': { get: { responses: ok }, delete: { responses: ok } } }),
        createSpec({ '/things': { get: { responses: ok } } }),
        change(true, 'DELETE /things', 'operation removed'),
      ],
      [
        'operation added',
        createSpec({ '/things': { get: { responses: ok } } }),
        createSpec({ '/things': { get: { responses: ok }, delete: { responses: ok } } }),
        change(false, 'DELETE /things', 'operation added'),
      ],
      [
        'response status removed',
        withOperation({ responses: { ...ok, '412': { description: 'Stale' } } }),
        withOperation({ responses: ok }),
        change(true, 'GET /things response 412', 'response removed'),
      ],
      [
        'response status added',
        withOperation({ responses: ok }),
        withOperation({ responses: { ...ok, '412': { description: 'Stale' } } }),
        change(false, 'GET /things response 412', 'response added'),
      ],
      [
        'required parameter added',
        withOperation({ parameters: [] }),
        withOperation({ parameters: [query('q', true)] }),
        change(true, 'GET /things query parameter q', 'required parameter added'),
      ],
      [
        'optional parameter made required',
        withOperation({ parameters: [query('q', false)] }),
        withOperation({ parameters: [query('q', true)] }),
        change(true, 'GET /things query parameter q', 'parameter is now required'),
      ],
      [
        'parameter removed',
        withOperation({ parameters: [query('q', false)] }),
        withOperation({ parameters: [] }),
        change(true, 'GET /things query parameter q', 'parameter removed'),
      ],
      [
        'parameter enum narrowed',
        withOperation({ parameters: [query('q', false, str({ enum: ['x', 'y'] }))] }),
        withOperation({ parameters: [query('q', false, str({ enum: ['x'] }))] }),
        change(true, 'GET /things query parameter q', 'enum value "y" removed'),
      ],
      [
        'optional parameter added',
        withOperation({ parameters: [] }),
        withOperation({ parameters: [query('q', false)] }),
        change(false, 'GET /things query parameter q', 'optional parameter added'),
      ],
      [
        'parameter no longer required',
        withOperation({ parameters: [query('q', true)] }),
        withOperation({ parameters: [query('q', false)] }),
        change(false, 'GET /things query parameter q', 'parameter is no longer required'),
      ],
      [
        'parameter maximum raised',
        withOperation({ parameters: [query('n', false, { type: 'integer', maximum: 100 })] }),
        withOperation({ parameters: [query('n', false, { type: 'integer', maximum: 200 })] }),
        change(false, 'GET /things query parameter n', 'maximum raised from 100 to 200'),
      ],
      [
        'request body made required',
        withOperation({ requestBody: body(false) }),
        withOperation({ requestBody: body(true) }),
        change(true, 'GET /things request body', 'request body is now required'),
      ],
      [
        'required request body added',
        withOperation({}),
        withOperation({ requestBody: body(true) }),
        change(true, 'GET /things request body', 'required request body added'),
      ],
      [
        'request body removed',
        withOperation({ requestBody: body(false) }),
        withOperation({}),
        change(true, 'GET /things request body', 'request body removed'),
      ],
      [
        'request media type removed',
        withOperation({ requestBody: body(true, ['application/json', 'application/merge-patch+json']) }),
        withOperation({ requestBody: body(true, ['application/json']) }),
        change(true, 'GET /things request body application/merge-patch+json', 'media type removed'),
      ],
      [
        'optional request body added',
        withOperation({}),
        withOperation({ requestBody: body(false) }),
        change(false, 'GET /things request body', 'optional request body added'),
      ],
      [
        'request body no longer required',
        withOperation({ requestBody: body(true) }),
        withOperation({ requestBody: body(false) }),
        change(false, 'GET /things request body', 'request body is no longer required'),
      ],
      [
        'request media type added',
        withOperation({ requestBody: body(true, ['application/json']) }),
        withOperation({ requestBody: body(true, ['application/json', 'application/merge-patch+json']) }),
        change(false, 'GET /things request body application/merge-patch+json', 'media type added'),
      ],
      [
        'response media type removed',
        withOperation({ responses: { '200': { description: 'OK', ...json } } }),
        withOperation({ responses: ok }),
        change(true, 'GET /things response 200 application/json', 'media type removed'),
      ],
      [
        'required response header removed',
        withOperation(withHeaders({ ETag: header(true) })),
        withOperation(withHeaders({})),
        change(true, 'GET /things response 200 header ETag', 'required header removed'),
      ],
      [
        'response header no longer required',
        withOperation(withHeaders({ ETag: header(true) })),
        withOperation(withHeaders({ ETag: header(false) })),
        change(true, 'GET /things response 200 header ETag', 'header is no longer required'),
      ],
      [
        'optional response header removed',
        withOperation(withHeaders({ ETag: header(false) })),
        withOperation(withHeaders({})),
        change(false, 'GET /things response 200 header ETag', 'optional header removed'),
      ],
      [
        'response header added',
        withOperation(withHeaders({})),
        withOperation(withHeaders({ ETag: header(true) })),
        change(false, 'GET /things response 200 header ETag', 'header added'),
      ],
    ])('%s', (_, before, after, expected) => {
      // Act
      const changes = compareSpecs(before, after);

      // Assess
      expect(changes).toEqual([expected]);
    });

    it('matches header names case-insensitively', () => {
      // Prepare
      const before = withOperation({ parameters: [{ name: 'If-Match', in: 'header', schema: str() }] });
      const after = withOperation({ parameters: [{ name: 'if-match', in: 'header', schema: str() }] });

      // Act
      const changes = compareSpecs(before, after);

      // Assess
      expect(changes).toEqual([]);
    });
  });

  describe('security: breaking when credentials that worked before no longer do', () => {
    const secured = (rootSecurity: unknown[] | undefined, operation: Json = {}): Json => ({
      ...withOperation(operation),
      ...(rootSecurity === undefined ? {} : { security: rootSecurity }),
    });
    const at = 'GET /things security';

    it.each<[string, Json, Json, SpecChange[]]>([
      [
        'authentication required where there was none',
        secured(undefined),
        secured([{ bearerAuth: [] }]),
        [change(true, at, 'no longer accepts anonymous calls'), change(false, at, 'now accepts bearerAuth')],
      ],
      [
        'a second scheme required',
        secured([{ bearerAuth: [] }]),
        secured([{ bearerAuth: [], apiKey: [] }]),
        [
          change(true, at, 'no longer accepts bearerAuth'),
          change(false, at, 'now accepts bearerAuth + apiKey'),
        ],
      ],
      [
        'a scope required',
        secured([{ oauth: ['read'] }]),
        secured([{ oauth: ['read', 'write'] }]),
        [
          change(true, at, 'no longer accepts oauth (read)'),
          change(false, at, 'now accepts oauth (read, write)'),
        ],
      ],
      [
        'an alternative added',
        secured([{ bearerAuth: [] }]),
        secured([{ bearerAuth: [] }, { apiKey: [] }]),
        [change(false, at, 'now accepts apiKey')],
      ],
      [
        'authentication dropped by an operation-level empty list',
        secured([{ bearerAuth: [] }]),
        secured([{ bearerAuth: [] }], { security: [] }),
        [change(false, at, 'now accepts anonymous calls')],
      ],
      [
        'the same requirement moved from the document to the operation',
        secured([{ bearerAuth: [] }]),
        secured(undefined, { security: [{ bearerAuth: [] }] }),
        [],
      ],
    ])('%s', (_, before, after, expected) => {
      // Act
      const changes = compareSpecs(before, after);

      // Assess
      expect(changes).toEqual(expected);
    });
  });

  describe('what is not a change', () => {
    const realSpec: unknown = parse(readFileSync(path.resolve(__dirname, '../../../openapi.yaml'), 'utf8'));

    it('finds nothing between identical specs', () => {
      // Act
      const changes = compareSpecs(realSpec, structuredClone(realSpec));

      // Assess
      expect(changes).toEqual([]);
    });

    it('ignores descriptions, summaries, titles and examples', () => {
      // Prepare
      const documented = (text: string): Json =>
        createSpec({
          '/things': {
            summary: text,
            get: {
              summary: text,
              description: text,
              parameters: [
                { ...{ name: 'q', in: 'query', schema: str() }, description: text, example: text },
              ],
              responses: {
                '200': {
                  description: text,
                  content: {
                    'application/json': {
                      schema: object({ a: str({ description: text, title: text, example: text }) }),
                      examples: { one: { summary: text, value: { a: text } } },
                    },
                  },
                },
              },
            },
          },
        });

      // Act
      const changes = compareSpecs(documented('before'), documented('after'));

      // Assess
      expect(changes).toEqual([]);
    });
  });

  describe('$ref resolution', () => {
    it('reports a change inside a referenced component at every operation that uses it', () => {
      // Prepare
      const spec = (thing: Json): Json =>
        createSpec(
          {
            '/things': {
              get: { responses: { '200': { $ref: '#/components/responses/Things' } } },
              post: {
                requestBody: {
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
                },
                responses: ok,
              },
            },
          },
          {
            schemas: {
              Thing: thing,
              Things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
            },
            responses: {
              Things: {
                description: 'Things',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Things' } } },
              },
            },
          },
        );

      // Act
      const changes = compareSpecs(spec(object({ a: str(), b: str() })), spec(object({ a: str() })));

      // Assess
      expect(changes).toEqual([
        change(true, `${RESPONSE_BODY} /items/properties/b`, 'property removed'),
        change(false, `${REQUEST_BODY} /properties/b`, 'property removed'),
      ]);
    });

    it('resolves referenced parameters and headers, applying path-level parameters to every operation', () => {
      // Prepare
      const spec = (idRequired: boolean, etagRequired: boolean): Json =>
        createSpec(
          {
            '/things': {
              parameters: [{ $ref: '#/components/parameters/Id' }],
              get: {
                responses: {
                  '200': { description: 'OK', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
                },
              },
              delete: { responses: ok },
            },
          },
          {
            parameters: { Id: { name: 'id', in: 'query', required: idRequired, schema: str() } },
            headers: { ETag: { required: etagRequired, schema: str() } },
          },
        );

      // Act
      const changes = compareSpecs(spec(false, true), spec(true, false));

      // Assess
      expect(changes).toEqual([
        change(true, 'GET /things query parameter id', 'parameter is now required'),
        change(true, 'GET /things response 200 header ETag', 'header is no longer required'),
        change(true, 'DELETE /things query parameter id', 'parameter is now required'),
      ]);
    });

    it('stops at recursive schemas instead of looping', () => {
      // Prepare
      const spec = (node: Json): Json =>
        createSpec(
          {
            '/things': {
              get: {
                responses: {
                  '200': {
                    description: 'A tree',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
                  },
                },
              },
            },
          },
          { schemas: { Node: node } },
        );
      const children = { type: 'array', items: { $ref: '#/components/schemas/Node' } };

      // Act
      const changes = compareSpecs(
        spec(object({ name: str(), children })),
        spec(object({ name: str({ maxLength: 10 }), children })),
      );

      // Assess
      expect(changes).toEqual([change(false, `${RESPONSE_BODY} /properties/name`, 'maxLength added (10)')]);
    });

    it.each([
      ['#/components/schemas/Missing', '$ref #/components/schemas/Missing points at nothing'],
      ['other.yaml#/Thing', 'only local $refs are supported, found other.yaml#/Thing'],
    ])('rejects the unresolvable $ref %s', (ref, message) => {
      // Prepare
      const spec = withResponseSchema({ $ref: ref });

      // Act
      const compare = (): SpecChange[] => compareSpecs(spec, spec);

      // Assess
      expect(compare).toThrow(new RefError(message));
    });
  });
});
