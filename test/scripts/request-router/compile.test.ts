import spec from '../../../generated/openapi.json';
import { compileRouter } from '../../../scripts/request-router/compile';
import { operationSchemas } from '../../../scripts/request-router/envelope-schemas';

/** A spec of `count` operations shaped like ours, to show routing does not care how many there are. */
function syntheticSpec(count: number): object {
  const paths: Record<string, object> = {};
  for (let index = 0; index < count / 2; index += 1) {
    paths[`/things${index}`] = {
      get: { operationId: `list${index}`, responses: { 200: { description: 'ok' } } },
    };
    paths[`/things${index}/{id}`] = {
      put: {
        operationId: `put${index}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            },
          },
        },
        responses: { 200: { description: 'ok' } },
      },
    };
  }
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths };
}

describe('operationSchemas', () => {
  it('drops annotations but keeps properties named like them', () => {
    const body = operationSchemas(spec).find(({ route }) => route.operationId === 'createItem')?.body;
    const envelope = body?.properties as { requestBody: { properties: Record<string, unknown> } } | undefined;

    expect(Object.keys(envelope?.requestBody.properties ?? {})).toEqual(['name', 'description', 'status']);
    expect(JSON.stringify(body)).not.toContain('Quarterly report');
  });
});

describe('compileRouter', () => {
  it('routes and validates an operation in the middle of a 200-operation spec', () => {
    const router = compileRouter(syntheticSpec(200));

    const route = router.match('PUT', '/things57/01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71');

    expect(route.operationId).toBe('put57');
    expect(() => router.validate(route, { query: {}, headers: {}, body: { name: 'x' } })).not.toThrow();
    expect(() => router.validate(route, { query: {}, headers: {}, body: {} })).toThrow('invalid field');
  });
});
