import type { components } from '../../../generated/openapi';
import { RequestValidationError } from '../../http/errors';
import { apiReference } from '../../http/links';
import type { Item } from './item';

type ItemBody = components['schemas']['Item'];

/** The item as the contract shows it; listed field by field so nothing stored leaks by accident. */
export function itemBody(item: Item): ItemBody {
  return {
    id: item.id,
    name: item.name,
    ...(item.description !== undefined && { description: item.description }),
    status: item.status,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

/** The item's URL as `Location` carries it: `<base path>/items/<id>`, resolving from the request URL. */
export function itemLocation(basePath: string, item: Pick<Item, 'id'>): string {
  return apiReference(basePath, 'items', item.id);
}

/** Strong entity tag for the item's current version. */
export function entityTag(item: Item): string {
  return `"${item.version}"`;
}

const ENTITY_TAG = /^(W\/)?"(\d{1,15})"$/;
const SINGLE_STRONG_TAG = /^"(\d{1,15})"$/;
const MAX_ENTITY_TAGS = 100;

/**
 * Versions an If-Match header allows (RFC 9110 §13.1.1): undefined for none or `*` (any existing
 * item), else the strong tags listed. Weak tags never match under strong comparison, so a header
 * of only weak tags allows no version at all.
 */
export function expectedVersions(ifMatch: string | undefined): readonly number[] | undefined {
  if (ifMatch === undefined) return undefined;
  // What clients send nearly always: one strong tag, echoed from an ETag.
  const single = SINGLE_STRONG_TAG.exec(ifMatch);
  if (single !== null) return [Number(single[1])];
  if (ifMatch.trim() === '*') return undefined;
  const versions: number[] = [];
  for (const tag of ifMatch.split(',').map((part) => part.trim())) {
    const match = ENTITY_TAG.exec(tag);
    if (match === null || match[2] === undefined) {
      throw new RequestValidationError([
        { parameter: 'If-Match', detail: 'must be * or a list of entity tags such as "3", as sent in ETag' },
      ]);
    }
    if (match[1] === undefined) versions.push(Number(match[2]));
  }
  const distinct = [...new Set(versions)];
  // Each version becomes a value in a DynamoDB `IN` list, which takes at most 100.
  if (distinct.length > MAX_ENTITY_TAGS) {
    throw new RequestValidationError([
      { parameter: 'If-Match', detail: `must list at most ${MAX_ENTITY_TAGS} entity tags` },
    ]);
  }
  return distinct;
}
