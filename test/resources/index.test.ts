import { existsSync } from 'node:fs';
import path from 'node:path';
import { RESOURCES } from '../../src/resources';
import { ROUTES } from '../support/operations';

const ROOT = path.resolve(__dirname, '../..');
const kebab = (operationId: string): string =>
  operationId.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);

const HANDLERS = RESOURCES.flatMap((resource) =>
  Object.keys(resource.handlers).map(
    (operationId) => [operationId, resource.name, kebab(operationId)] as const,
  ),
);

// The handler map's types make a handler exist for every operation; this makes its file and its
// tests exist under the names the layout promises (getItem → items/handlers/get-item.ts and its test).
describe('handlers, one file per operationId in its resource folder', () => {
  it.each(HANDLERS)('%s has src/resources/%s/handlers/%s.ts and its test', (_operationId, resource, file) => {
    expect(existsSync(path.join(ROOT, 'src/resources', resource, 'handlers', `${file}.ts`))).toBe(true);
    expect(existsSync(path.join(ROOT, 'test/resources', resource, 'handlers', `${file}.test.ts`))).toBe(true);
  });

  it('serves every operation of the spec exactly once', () => {
    const served = HANDLERS.map(([operationId]) => operationId).sort();

    expect(served).toEqual(ROUTES.map(({ operationId }) => operationId).sort());
  });
});

describe('the resource list', () => {
  it.each(RESOURCES.map((resource) => [resource.name]))('%s lives in the folder of its name', (name) => {
    expect(existsSync(path.join(ROOT, 'src/resources', name, 'module.ts'))).toBe(true);
  });

  it('places each resource under a sort-key prefix no other resource starts with', () => {
    const prefixes = RESOURCES.map((resource) => resource.records.sortKeyPrefix);

    const overlapping = prefixes.filter((prefix, index) =>
      prefixes.some((other, otherIndex) => otherIndex !== index && other.startsWith(prefix)),
    );

    expect(overlapping).toEqual([]);
  });

  it('names only listed resources as parents, and places children under their own prefix', () => {
    const names = RESOURCES.map((resource) => resource.name);

    for (const resource of RESOURCES) {
      const parent = 'parent' in resource.records ? resource.records.parent : undefined;
      if (parent === undefined) continue;
      expect(names).toContain(parent.resource);
      expect(parent.childrenOf('some-id').startsWith(resource.records.sortKeyPrefix)).toBe(true);
    }
  });
});
