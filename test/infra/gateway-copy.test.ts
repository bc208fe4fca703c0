import spec from '../../generated/openapi.json';
import { DRAFT_4_FORMATS, gatewayCopy } from '../../infra/gateway-copy';
import { asObject, inlineRefs, isObject, type Json } from '../../src/spec/openapi-document';

/** Every object in a document with the JSON pointer it sits at (not following $refs). */
function objectsOf(node: unknown, at = '#'): { at: string; value: Json }[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => objectsOf(child, `${at}/${index}`));
  if (!isObject(node)) return [];
  return [
    { at, value: node },
    ...Object.entries(node).flatMap(([key, child]) => objectsOf(child, `${at}/${key}`)),
  ];
}

/** A schema keyword's value wherever it sits, leaving out property maps (a property may be named like a keyword). */
const keywordsIn = (document: unknown, keyword: string) =>
  objectsOf(document)
    .filter(({ at, value }) => !at.endsWith('/properties') && !at.endsWith('/responses') && keyword in value)
    .map(({ at }) => at);

describe('the gateway copy of openapi.yaml', () => {
  const { definition, dropped } = gatewayCopy(spec);

  it('leaves the spec it is given unchanged', () => {
    // Prepare
    const before = structuredClone(spec);

    // Act
    gatewayCopy(spec);

    // Assess
    expect(spec).toEqual(before);
  });

  it('refers to schemas only, with every other component inlined', () => {
    const refs = objectsOf(definition).flatMap(({ value }) =>
      typeof value.$ref === 'string' ? [value.$ref] : [],
    );

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z0-9]+$/);
    expect(Object.keys(asObject(definition.components)).sort()).toEqual(['schemas', 'securitySchemes']);
  });

  it.each(['example', 'examples', 'default', 'readOnly', 'discriminator'])('has no %s', (keyword) => {
    expect(keywordsIn(definition, keyword)).toEqual([]);
  });

  it('keeps only the formats JSON Schema draft 4 defines', () => {
    const formats = objectsOf(definition).flatMap(({ value }) =>
      typeof value.format === 'string' ? [value.format] : [],
    );

    expect(formats).toContain('date-time');
    for (const format of formats) expect(DRAFT_4_FORMATS.has(format)).toBe(true);
  });

  it('is openapi.yaml apart from what it drops, once every $ref is inlined', () => {
    // Prepare: both documents' paths fully inlined, without what the copy drops on purpose.
    const removed = new Set(['example', 'examples', 'default', 'readOnly', 'discriminator']);
    const comparable = (document: unknown): unknown => {
      const strip = (node: unknown, key = ''): unknown => {
        if (Array.isArray(node)) return node.map((child) => strip(child));
        if (!isObject(node)) return node;
        return Object.fromEntries(
          Object.entries(node)
            .filter(([name]) => key === 'properties' || key === 'responses' || !removed.has(name))
            .filter(
              ([name, value]) =>
                !(name === 'format' && typeof value === 'string' && !DRAFT_4_FORMATS.has(value)),
            )
            .map(([name, value]) => [name, strip(value, name)]),
        );
      };
      const paths = asObject(inlineRefs(document, asObject(document).paths));
      return strip(paths);
    };

    // Act and Assess
    expect(comparable(definition)).toEqual(comparable(spec));
  });

  it('lists each check it drops from a request, once', () => {
    expect(dropped).toEqual(
      expect.arrayContaining([
        { subject: 'path parameter itemId', check: 'format uuid' },
        { subject: 'query parameter limit', check: 'default 20' },
        { subject: 'schema ItemInput.status', schema: 'ItemInput', check: 'default "active"' },
        { subject: 'schema Item.version', schema: 'Item', check: 'format int64' },
      ]),
    );
    const keys = dropped.map(({ subject, check }) => `${subject} ${check}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the request validation API Gateway can do: required fields, patterns, lengths, enums', () => {
    const itemInput = asObject(asObject(asObject(definition.components).schemas).ItemInput);
    const name = asObject(asObject(asObject(definition.components).schemas).ItemName);

    expect(itemInput).toMatchObject({ required: ['name'], additionalProperties: false });
    expect(name).toEqual({
      type: 'string',
      description: expect.any(String),
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
    });
  });
});
