import spec from '../../../generated/openapi.json';
import {
  DEFAULT_ITEM_STATUS,
  mergePatchChanges,
  replacementChanges,
} from '../../../src/resources/items/item';

const at = '2026-11-23T10:00:00.000Z';

describe('replacementChanges', () => {
  it('clears an omitted description and defaults an omitted status', () => {
    expect(replacementChanges({ name: 'n' }, at)).toEqual({
      name: 'n',
      description: null,
      status: 'active',
      updatedAt: at,
    });
  });

  it('sets every given field', () => {
    expect(replacementChanges({ name: 'n', description: 'd', status: 'archived' }, at)).toEqual({
      name: 'n',
      description: 'd',
      status: 'archived',
      updatedAt: at,
    });
  });
});

describe('mergePatchChanges', () => {
  it.each([
    [{}, { updatedAt: at }],
    [{ name: 'n' }, { name: 'n', updatedAt: at }],
    [{ description: null }, { description: null, updatedAt: at }],
    [{ description: 'd' }, { description: 'd', updatedAt: at }],
    [{ status: null }, { status: 'active', updatedAt: at }],
    [{ status: 'archived' as const }, { status: 'archived', updatedAt: at }],
  ])('turns %p into %p', (patch, changes) => {
    expect(mergePatchChanges(patch, at)).toEqual(changes);
  });
});

describe('DEFAULT_ITEM_STATUS', () => {
  it('is the default the contract documents', () => {
    expect(spec.components.schemas.ItemInput.properties.status.default).toBe(DEFAULT_ITEM_STATUS);
  });
});
