import { asObject, isObject, type Json } from '../../src/spec/openapi-document';
import type { SpecChange } from './change';

/** Who produces the values a schema describes: the client (request) or the server (response). */
export type Direction = 'request' | 'response';

/**
 * How a change moves the set of values a schema allows. A request breaks when the server starts
 * rejecting what clients send (narrowed); a response breaks when the server may send what clients never
 * had to handle (widened): a longer string, a null, a new enum value a client switches over exhaustively.
 * A change that is neither (a different pattern or format) breaks both.
 */
type Effect = 'narrowed' | 'widened' | 'changed';

/** Schema pairs being compared further up the current path, to stop at cycles. */
type Ancestors = ReadonlyArray<readonly [Json, Json]>;

/** Bounds and whether raising them widens (max*) or narrows (min*) the allowed values. */
const BOUNDS = [
  ['maxLength', true],
  ['maximum', true],
  ['maxItems', true],
  ['maxProperties', true],
  ['minLength', false],
  ['minimum', false],
  ['minItems', false],
  ['minProperties', false],
] as const;

/** OpenAPI 3.0 booleans that narrow the allowed values when set. */
const NARROWING_FLAGS = ['exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems'] as const;

/** Keywords whose new value can be neither shown wider nor narrower than the old one. */
const OPAQUE_KEYWORDS = ['pattern', 'format', 'multipleOf'] as const;

const UNION_KEYWORDS = ['oneOf', 'anyOf'] as const;

const propertiesOf = (schema: Json): Json => asObject(schema.properties);
const requiredOf = (schema: Json): string[] =>
  Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [];
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const escapePointer = (name: string): string => name.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The schema with its `allOf` members merged in (shallowly: properties and required are combined, other
 * keywords taken from the last member that has them), so `allOf: [$ref]` wrappers that only add a
 * default compare like the schema they wrap.
 */
function flattenAllOf(schema: Json, seen: Set<Json> = new Set()): Json {
  const members = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  if (members.length === 0 || seen.has(schema)) return schema;
  seen.add(schema);
  const own = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'allOf'));
  const merged: Json = {};
  const properties: Json = {};
  const required: string[] = [];
  for (const part of [...members.map((member) => flattenAllOf(member, seen)), own]) {
    Object.assign(merged, part);
    Object.assign(properties, propertiesOf(part));
    required.push(...requiredOf(part));
  }
  return { ...merged, properties, required };
}

function typeChangeEffect(before: unknown, after: unknown): Effect {
  if (before === undefined) return 'narrowed';
  if (after === undefined) return 'widened';
  if (before === 'integer' && after === 'number') return 'widened';
  if (before === 'number' && after === 'integer') return 'narrowed';
  return 'changed';
}

/** Differences between two ref-resolved schemas found at `location`, judged for `direction`. */
export function compareSchemas(
  oldSchema: unknown,
  newSchema: unknown,
  direction: Direction,
  location: string,
): SpecChange[] {
  const changes: SpecChange[] = [];
  const report = (pointer: string, isBreaking: boolean, message: string): void => {
    changes.push({ breaking: isBreaking, location: pointer ? `${location} ${pointer}` : location, message });
  };
  const reportEffect = (pointer: string, effect: Effect, message: string): void => {
    report(
      pointer,
      effect === 'changed' || effect === (direction === 'request' ? 'narrowed' : 'widened'),
      message,
    );
  };

  const compareKeywords = (before: Json, after: Json, pointer: string): void => {
    for (const [keyword, raisingWidens] of BOUNDS) {
      const was = numberOf(before[keyword]);
      const is = numberOf(after[keyword]);
      if (was === is) continue;
      if (was === undefined) reportEffect(pointer, 'narrowed', `${keyword} added (${is})`);
      else if (is === undefined) reportEffect(pointer, 'widened', `${keyword} removed (was ${was})`);
      else {
        const raised = is > was;
        const effect = raised === raisingWidens ? 'widened' : 'narrowed';
        reportEffect(pointer, effect, `${keyword} ${raised ? 'raised' : 'lowered'} from ${was} to ${is}`);
      }
    }
    for (const flag of NARROWING_FLAGS) {
      const is = after[flag] === true;
      if ((before[flag] === true) !== is) reportEffect(pointer, is ? 'narrowed' : 'widened', `${flag} ${is}`);
    }
    const nullable = after.nullable === true;
    if ((before.nullable === true) !== nullable) {
      reportEffect(
        pointer,
        nullable ? 'widened' : 'narrowed',
        nullable ? 'now nullable' : 'no longer nullable',
      );
    }
    for (const keyword of OPAQUE_KEYWORDS) {
      const was = before[keyword];
      const is = after[keyword];
      if (was === is) continue;
      if (was === undefined) reportEffect(pointer, 'narrowed', `${keyword} added (${is})`);
      else if (is === undefined) reportEffect(pointer, 'widened', `${keyword} removed (was ${was})`);
      else reportEffect(pointer, 'changed', `${keyword} changed from ${was} to ${is}`);
    }
  };

  const compareEnums = (before: Json, after: Json, pointer: string): void => {
    const was = Array.isArray(before.enum) ? before.enum.map((value) => JSON.stringify(value)) : undefined;
    const is = Array.isArray(after.enum) ? after.enum.map((value) => JSON.stringify(value)) : undefined;
    if (was === undefined && is === undefined) return;
    if (was === undefined) reportEffect(pointer, 'narrowed', `enum added (${is?.join(', ')})`);
    else if (is === undefined) reportEffect(pointer, 'widened', 'enum removed');
    else {
      for (const value of was.filter((value) => !is.includes(value))) {
        reportEffect(pointer, 'narrowed', `enum value ${value} removed`);
      }
      for (const value of is.filter((value) => !was.includes(value))) {
        reportEffect(pointer, 'widened', `enum value ${value} added`);
      }
    }
  };

  const compareProperties = (before: Json, after: Json, pointer: string, ancestors: Ancestors): void => {
    const was = propertiesOf(before);
    const is = propertiesOf(after);
    const wasRequired = new Set(requiredOf(before));
    const isRequired = new Set(requiredOf(after));
    const closed = after.additionalProperties === false;
    for (const name of new Set([...Object.keys(was), ...wasRequired, ...Object.keys(is), ...isRequired])) {
      const at = `${pointer}/properties/${escapePointer(name)}`;
      const existed = Object.hasOwn(was, name);
      const exists = Object.hasOwn(is, name);
      if (existed && !exists) {
        // Clients read response fields by name. A request may still carry it: only a closed schema rejects it.
        report(at, direction === 'response' || closed, 'property removed');
      } else if (!existed && exists) {
        const required = isRequired.has(name);
        report(
          at,
          required && direction === 'request',
          `${required ? 'required' : 'optional'} property added`,
        );
      } else if (wasRequired.has(name) !== isRequired.has(name)) {
        const required = isRequired.has(name);
        reportEffect(
          at,
          required ? 'narrowed' : 'widened',
          required ? 'property is now required' : 'property is no longer required',
        );
      }
      if (existed && exists) walk(was[name], is[name], at, ancestors);
    }
  };

  const compareAdditionalProperties = (
    before: Json,
    after: Json,
    pointer: string,
    ancestors: Ancestors,
  ): void => {
    const wasOpen = before.additionalProperties !== false;
    const isOpen = after.additionalProperties !== false;
    // Clients must tolerate unknown response fields (that is why a new response property is compatible),
    // so only a request schema that starts rejecting them breaks anyone.
    if (wasOpen !== isOpen) {
      report(
        pointer,
        direction === 'request' && !isOpen,
        isOpen ? 'additional properties now allowed' : 'additional properties no longer allowed',
      );
    }
    if (isObject(before.additionalProperties) && isObject(after.additionalProperties)) {
      walk(
        before.additionalProperties,
        after.additionalProperties,
        `${pointer}/additionalProperties`,
        ancestors,
      );
    }
  };

  const compareUnions = (before: Json, after: Json, pointer: string, ancestors: Ancestors): void => {
    for (const keyword of UNION_KEYWORDS) {
      const was: unknown[] = Array.isArray(before[keyword]) ? before[keyword] : [];
      const is: unknown[] = Array.isArray(after[keyword]) ? after[keyword] : [];
      if (was.length === is.length) {
        // Alternatives are matched by position; reordering them shows up as changes inside them.
        was.forEach((alternative, index) => {
          walk(alternative, is[index], `${pointer}/${keyword}/${index}`, ancestors);
        });
      } else if (was.length === 0) reportEffect(pointer, 'narrowed', `${keyword} added`);
      else if (is.length === 0) reportEffect(pointer, 'widened', `${keyword} removed`);
      else {
        const effect = is.length > was.length ? 'widened' : 'narrowed';
        reportEffect(pointer, effect, `${keyword} went from ${was.length} to ${is.length} alternatives`);
      }
    }
  };

  const walk = (oldNode: unknown, newNode: unknown, pointer: string, ancestors: Ancestors): void => {
    const oldRaw = asObject(oldNode);
    const newRaw = asObject(newNode);
    // Resolved recursive schemas are cycles: stop where this pair is already being compared further up.
    if (ancestors.some(([was, is]) => was === oldRaw && is === newRaw)) return;
    const inner: Ancestors = [...ancestors, [oldRaw, newRaw]];
    const before = flattenAllOf(oldRaw);
    const after = flattenAllOf(newRaw);
    if (before.type !== after.type) {
      const effect = typeChangeEffect(before.type, after.type);
      reportEffect(pointer, effect, `type changed from ${before.type ?? 'any'} to ${after.type ?? 'any'}`);
      // Constraints of an unrelated type say nothing more to a client.
      if (effect === 'changed') return;
    }
    compareEnums(before, after, pointer);
    compareKeywords(before, after, pointer);
    compareProperties(before, after, pointer, inner);
    compareAdditionalProperties(before, after, pointer, inner);
    if ('items' in before || 'items' in after) walk(before.items, after.items, `${pointer}/items`, inner);
    compareUnions(before, after, pointer, inner);
  };

  walk(oldSchema, newSchema, '', []);
  return changes;
}
