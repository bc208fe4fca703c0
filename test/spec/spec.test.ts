import spec from '../../generated/openapi.json';
import { handlers } from '../../src/resources';
import { DEFAULT_PAGE_SIZE } from '../../src/resources/items/handlers/list-items';
import { isObject, type Json, operationsOf } from '../../src/spec/openapi-document';
import { deref, validatorFor } from '../support/contract';

const document: Json = spec;

function resolve(value: unknown): Json {
  const resolved = deref(value);
  if (resolved === undefined) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return resolved;
}

const operations = operationsOf(spec).map(({ template, method, operation }) => ({
  name: `${method.toUpperCase()} ${template}`,
  operation: resolve(operation),
}));

/** Every example in the spec with the schema it must satisfy, found by walking the whole document. */
function examples(): Array<[string, unknown, unknown]> {
  const found: Array<[string, unknown, unknown]> = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        walk(child, `${where}/${index}`);
      });
      return;
    }
    if (!isObject(node)) return;
    // Media types, parameters and headers carry `schema` beside `example`/`examples`.
    if ('schema' in node) {
      if ('example' in node) found.push([`${where}/example`, node.example, node.schema]);
      for (const [name, example] of Object.entries(isObject(node.examples) ? node.examples : {})) {
        found.push([`${where}/examples/${name}`, resolve(example).value, node.schema]);
      }
    } else if ('example' in node && ('type' in node || 'properties' in node || 'allOf' in node)) {
      // A schema object's own example.
      found.push([`${where}/example`, node.example, node]);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'example' && key !== 'examples') walk(child, `${where}/${key}`);
    }
  };
  walk(document, '#');
  return found;
}

describe('openapi.yaml', () => {
  it('is OpenAPI 3.0.x, the version API Gateway imports', () => {
    expect(spec.openapi).toMatch(/^3\.0\.\d+$/);
  });

  it('has a handler for exactly its operations', () => {
    const ids = operations.map(({ operation }) => operation.operationId);

    expect([...ids].sort()).toEqual(Object.keys(handlers).sort());
  });

  describe.each(operations)('$name', ({ operation }) => {
    it('says what it does', () => {
      expect(operation).toMatchObject({
        operationId: expect.any(String),
        summary: expect.any(String),
        description: expect.any(String),
      });
    });

    it('documents a 400 and a 500 as problem+json', () => {
      const responses = resolve(operation.responses);
      for (const status of ['400', '500']) {
        expect(Object.keys(resolve(resolve(responses[status]).content))).toEqual([
          'application/problem+json',
        ]);
      }
    });

    it('has an example for its request body and every response body', () => {
      const bodies = [
        ...(operation.requestBody === undefined
          ? []
          : Object.values(resolve(resolve(operation.requestBody).content))),
        ...Object.values(resolve(operation.responses)).flatMap((response) => {
          const content = resolve(response).content;
          return content === undefined ? [] : Object.values(resolve(content));
        }),
      ];
      for (const media of bodies.map(resolve)) {
        expect('example' in media || isObject(media.examples)).toBe(true);
      }
    });
  });

  const all = examples();
  it('has examples to check', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all)('example %s is valid against its schema', (_where, example, schema) => {
    const validate = validatorFor(schema);

    expect(validate(example) ? [] : validate.errors).toEqual([]);
  });

  it('documents the page size the handler uses by default', () => {
    expect(spec.components.parameters.Limit.schema.default).toBe(DEFAULT_PAGE_SIZE);
  });
});
