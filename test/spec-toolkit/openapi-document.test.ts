import {
  asArray,
  asObject,
  deref,
  escapePointerToken,
  HTTP_METHODS,
  inlineRefs,
  isHttpMethod,
  isObject,
  type Json,
  methodsByTemplate,
  operationsOf,
  pointerTo,
  RefError,
  resolvePointer,
  unescapePointerToken,
} from '../../src/spec/openapi-document';

/** A document whose components hold `schemas`, and nothing else. */
const withSchemas = (schemas: Json): Json => ({ components: { schemas } });
const ref = (target: string): Json => ({ $ref: target });

describe('isObject, asObject, asArray', () => {
  it.each<[string, unknown, boolean]>([
    ['an object', { a: 1 }, true],
    ['an empty object', {}, true],
    ['an array', [1], false],
    ['null', null, false],
    ['a string', 'a', false],
    ['undefined', undefined, false],
  ])('tell %s apart', (_, value, object) => {
    // Act
    const results = [isObject(value), asObject(value), asArray(value)];

    // Assess
    expect(results).toEqual([object, object ? value : {}, Array.isArray(value) ? value : []]);
  });
});

describe('isHttpMethod', () => {
  it.each<[string, boolean]>([
    ...HTTP_METHODS.map((method): [string, boolean] => [method, true]),
    ['GET', false],
    ['parameters', false],
    ['summary', false],
    ['x-amazon-apigateway-any-method', false],
  ])('%s -> %s', (key, expected) => {
    // Act
    const result = isHttpMethod(key);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('operationsOf', () => {
  it('finds the operation under each of the 8 methods, in HTTP_METHODS order, skipping other fields', () => {
    // Prepare
    const everyMethod: Json = Object.fromEntries(
      [...HTTP_METHODS].reverse().map((method) => [method, { operationId: `${method}Thing` }]),
    );
    const pathItem: Json = { summary: 'things', parameters: [], 'x-extension': {}, ...everyMethod };

    // Act
    const operations = operationsOf({ paths: { '/things': pathItem } });

    // Assess
    expect(operations).toEqual(
      HTTP_METHODS.map((method) => ({
        template: '/things',
        method,
        pathItem,
        operation: { operationId: `${method}Thing` },
      })),
    );
  });

  it.each<[string, unknown]>([
    ['no paths', { openapi: '3.0.3' }],
    ['paths that is not an object', { paths: ['/things'] }],
    ['a path item that is not an object', { paths: { '/things': 'get' } }],
    ['a method whose value is not an object', { paths: { '/things': { get: true, put: null } } }],
    ['not a document at all', 'openapi: 3.0.3'],
  ])('finds nothing in %s', (_, document) => {
    // Act
    const operations = operationsOf(document);

    // Assess
    expect(operations).toEqual([]);
  });

  it('lists paths in document order', () => {
    // Prepare
    const document = { paths: { '/b': { get: {} }, '/a': { post: {}, get: {} } } };

    // Act
    const order = operationsOf(document).map(({ method, template }) => `${method} ${template}`);

    // Assess
    expect(order).toEqual(['get /b', 'get /a', 'post /a']);
  });
});

describe('methodsByTemplate', () => {
  it('lists each template’s methods upper case, leaving out templates with none', () => {
    // Prepare
    const document = {
      paths: {
        '/items': { get: {}, post: {} },
        '/items/{itemId}': { delete: {} },
        '/empty': { summary: 'x' },
      },
    };

    // Act
    const methods = methodsByTemplate(document);

    // Assess
    expect(methods).toEqual({ '/items': ['GET', 'POST'], '/items/{itemId}': ['DELETE'] });
  });
});

describe('JSON-pointer tokens', () => {
  it.each([
    ['plain', 'plain'],
    ['/items/{itemId}', '~1items~1{itemId}'],
    ['a~b', 'a~0b'],
    // `~` is escaped first, so a literal `~1` stays text rather than turning into `/`.
    ['~1', '~01'],
    ['/~', '~1~0'],
    ['', ''],
  ])('escapes %j as %j and back', (token, escaped) => {
    // Act
    const results = [escapePointerToken(token), unescapePointerToken(escaped)];

    // Assess
    expect(results).toEqual([escaped, token]);
  });

  it('builds a local reference from tokens', () => {
    // Act
    const pointer = pointerTo('paths', '/items/{itemId}', 'get');

    // Assess
    expect(pointer).toBe('#/paths/~1items~1{itemId}/get');
  });
});

describe('resolvePointer', () => {
  const document: Json = {
    paths: { '/items/{itemId}': { get: { parameters: [{ name: 'itemId' }, { name: 'If-Match' }] } } },
    components: { schemas: { 'a~b': { type: 'string' }, 'with space': { type: 'number' } } },
    flags: { off: false, zero: 0, empty: '' },
  };

  it.each<[string, unknown]>([
    ['#', document],
    ['#/components/schemas/a~0b', { type: 'string' }],
    [pointerTo('paths', '/items/{itemId}', 'get', 'parameters', '1'), { name: 'If-Match' }],
    ['#/components/schemas/with%20space', { type: 'number' }],
    ['#/flags/off', false],
    ['#/flags/zero', 0],
    ['#/flags/empty', ''],
  ])('resolves %s', (pointer, expected) => {
    // Act
    const target = resolvePointer(document, pointer);

    // Assess
    expect(target).toEqual(expected);
  });

  it.each([
    ['#/components/schemas/Missing', '$ref #/components/schemas/Missing points at nothing'],
    ['#/components/schemas/a~1b', '$ref #/components/schemas/a~1b points at nothing'],
    ['#/flags/off/deeper', '$ref #/flags/off/deeper points at nothing'],
    [`${pointerTo('paths', '/items/{itemId}', 'get', 'parameters')}/2`, 'points at nothing'],
    [
      'other.yaml#/components/schemas/Item',
      'only local $refs are supported, found other.yaml#/components/schemas/Item',
    ],
    ['https://example.com/spec.yaml', 'only local $refs are supported, found https://example.com/spec.yaml'],
    ['components/schemas/Item', 'only local $refs are supported, found components/schemas/Item'],
  ])('rejects %s', (pointer, message) => {
    // Act
    const resolve = (): unknown => resolvePointer(document, pointer);

    // Assess
    expect(resolve).toThrow(RefError);
    expect(resolve).toThrow(message);
  });
});

describe('deref', () => {
  const document = withSchemas({
    Item: { type: 'object' },
    Alias: ref('#/components/schemas/Item'),
    AliasOfAlias: ref('#/components/schemas/Alias'),
    Loop: ref('#/components/schemas/Loop'),
    Ping: ref('#/components/schemas/Pong'),
    Pong: ref('#/components/schemas/Ping'),
    Text: ref('#/components/schemas/Item/type'),
  });
  const item = asObject(asObject(asObject(document.components).schemas).Item);
  const numericRef = { $ref: 7 };

  it.each<[string, unknown, Json | undefined]>([
    ['an object without a $ref, as it is', item, item],
    ['a $ref, to its target', ref('#/components/schemas/Item'), item],
    ['a chain of $refs, to its end', ref('#/components/schemas/AliasOfAlias'), item],
    ['a $ref to something not an object, to undefined', ref('#/components/schemas/Text'), undefined],
    ['a value not an object, to undefined', 'Item', undefined],
    ['an object whose $ref is not a string, as it is', numericRef, numericRef],
  ])('follows %s', (_, value, expected) => {
    // Act
    const target = deref(document, value);

    // Assess
    expect(target).toBe(expected);
  });

  it.each([
    ['#/components/schemas/Loop', '$ref cycle: #/components/schemas/Loop -> #/components/schemas/Loop'],
    [
      '#/components/schemas/Ping',
      '$ref cycle: #/components/schemas/Ping -> #/components/schemas/Pong -> #/components/schemas/Ping',
    ],
    ['#/components/schemas/Missing', '$ref #/components/schemas/Missing points at nothing'],
    ['other.yaml#/Item', 'only local $refs are supported, found other.yaml#/Item'],
  ])('rejects %s', (target, message) => {
    // Act
    const follow = (): unknown => deref(document, ref(target));

    // Assess
    expect(follow).toThrow(new RefError(message));
  });
});

describe('inlineRefs', () => {
  it('replaces every $ref by its target, ignoring keywords beside it, and leaves the input as it was', () => {
    // Prepare
    const document = {
      paths: { '/items': { get: { responses: { '200': ref('#/components/responses/Items') } } } },
      components: {
        responses: {
          Items: { content: { 'application/json': { schema: ref('#/components/schemas/Items') } } },
        },
        schemas: {
          Items: { type: 'array', items: { ...ref('#/components/schemas/Item'), description: 'ignored' } },
          Item: {
            type: 'object',
            properties: { tags: { type: 'array', items: ref('#/components/schemas/Tag') } },
          },
          Tag: { type: 'string', enum: ['a', 'b'] },
        },
      },
    };
    const before = structuredClone(document);

    // Act
    const inlined = asObject(inlineRefs(document));

    // Assess
    const tag = { type: 'string', enum: ['a', 'b'] };
    const item = { type: 'object', properties: { tags: { type: 'array', items: tag } } };
    expect(asObject(inlined.paths)).toEqual({
      '/items': {
        get: {
          responses: {
            '200': { content: { 'application/json': { schema: { type: 'array', items: item } } } },
          },
        },
      },
    });
    expect(JSON.stringify(inlined)).not.toContain('$ref');
    expect(document).toEqual(before);
  });

  it('resolves each target once and shares it between the places that refer to it', () => {
    // Prepare
    const document = withSchemas({
      Pair: {
        type: 'object',
        properties: { left: ref('#/components/schemas/Side'), right: ref('#/components/schemas/Side') },
      },
      Side: { type: 'string' },
    });

    // Act
    const inlined = asObject(inlineRefs(document));

    // Assess
    const schemas = asObject(asObject(inlined.components).schemas);
    const properties = asObject(asObject(schemas.Pair).properties);
    expect(properties.left).toEqual({ type: 'string' });
    expect(properties.left).toBe(properties.right);
  });

  it('turns a schema that refers to itself into a cycle in the copy', () => {
    // Prepare
    const document = withSchemas({
      Node: {
        type: 'object',
        properties: { children: { type: 'array', items: ref('#/components/schemas/Node') } },
      },
    });

    // Act
    const node = asObject(inlineRefs(document, ref('#/components/schemas/Node')));

    // Assess
    const children = asObject(asObject(node.properties).children);
    expect(children.items).toBe(node);
  });

  it.each<[string, unknown, unknown]>([
    ['a $ref to a primitive', { maxLength: ref('#/limits/name') }, { maxLength: 40 }],
    ['a $ref to an array', { enum: ref('#/limits/statuses') }, { enum: ['active', 'archived'] }],
    ['a $ref to a $ref', ref('#/limits/alias'), 40],
    ['a value with no $ref', [1, 'a', null], [1, 'a', null]],
  ])('inlines %s', (_, value, expected) => {
    // Prepare
    const document = { limits: { name: 40, statuses: ['active', 'archived'], alias: ref('#/limits/name') } };

    // Act
    const inlined = inlineRefs(document, value);

    // Assess
    expect(inlined).toEqual(expected);
  });

  it.each([
    [
      'a cycle of $refs with no schema in it',
      withSchemas({ A: ref('#/components/schemas/B'), B: ref('#/components/schemas/A') }),
      // Visiting A, itself a $ref to B, starts the chain at B.
      '$ref cycle without a schema: #/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B',
    ],
    [
      'a $ref to nothing',
      withSchemas({ A: { items: ref('#/components/schemas/Missing') } }),
      '$ref #/components/schemas/Missing points at nothing',
    ],
    [
      'a $ref into another file',
      withSchemas({ A: { items: ref('common.yaml#/components/schemas/Id') } }),
      'only local $refs are supported, found common.yaml#/components/schemas/Id',
    ],
  ])('rejects %s', (_, document, message) => {
    // Act
    const inline = (): unknown => inlineRefs(document);

    // Assess
    expect(inline).toThrow(new RefError(message));
  });
});
