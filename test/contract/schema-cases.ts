/**
 * Request inputs generated from the spec's schemas, the way Schemathesis derives them: values at
 * each boundary that must be accepted, and values just past each boundary (missing required
 * fields, wrong types, extra properties, bad formats, out-of-range numbers, overlong strings)
 * that must be rejected with a documented 4xx.
 */
import { randomUUID } from 'node:crypto';

export type Schema = Record<string, unknown>;

export interface GeneratedValue {
  readonly description: string;
  readonly value: unknown;
}

const OMIT = Symbol('omit');

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Collapses `allOf` (as used to attach a default to a referenced schema) into one schema. */
export function flatten(schema: Schema): Schema {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isSchema).map(flatten) : [];
  const { allOf: _allOf, ...own } = schema;
  return Object.assign({}, ...parts, own);
}

/** One value the schema accepts: its example, default or first enum value, else built from its constraints. */
export function validValue(input: Schema): unknown {
  const schema = flatten(input);
  if ('example' in schema) return schema.example;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'a'.repeat(Math.max(num(schema.minLength) ?? 1, 1));
    case 'integer':
    case 'number':
      return num(schema.minimum) ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
      return Object.fromEntries(required.map((name) => [name, validValue(asSchema(properties[name]))]));
    }
    default:
      return 'a';
  }
}

/** Values a schema accepts, at its boundaries; strings a `pattern` would refuse are left out. */
export function validValues(input: Schema): GeneratedValue[] {
  const schema = flatten(input);
  const values: GeneratedValue[] = [{ description: 'a typical value', value: validValue(schema) }];
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum)
      values.push({ description: `enum value ${JSON.stringify(value)}`, value });
  }
  if (schema.type === 'string' && schema.format === undefined && schema.enum === undefined) {
    const min = num(schema.minLength);
    const max = num(schema.maxLength);
    if (min !== undefined && min > 0)
      values.push({ description: `${min} characters (minLength)`, value: 'a'.repeat(min) });
    if (max !== undefined)
      values.push({ description: `${max} characters (maxLength)`, value: 'b'.repeat(max) });
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    for (const bound of ['minimum', 'maximum'] as const) {
      const value = num(schema[bound]);
      if (value !== undefined) values.push({ description: `${value} (${bound})`, value });
    }
  }
  if (schema.nullable === true) values.push({ description: 'null (nullable)', value: null });
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  return values.filter(
    ({ value }) => pattern === undefined || typeof value !== 'string' || pattern.test(value),
  );
}

/** Values a schema rejects, each just past one of its constraints. */
export function invalidValues(input: Schema): GeneratedValue[] {
  const schema = flatten(input);
  const values: GeneratedValue[] = [];
  const wrongType: Record<string, unknown> = {
    string: 12345,
    integer: 'not-a-number',
    number: 'not-a-number',
    boolean: 'yes',
    array: 'not-an-array',
    object: 'not-an-object',
  };
  if (typeof schema.type === 'string' && schema.type in wrongType) {
    values.push({
      description: `a value that is not ${schema.type === 'integer' ? 'an' : 'a'} ${schema.type}`,
      value: wrongType[schema.type],
    });
  }
  if (schema.nullable !== true && !(Array.isArray(schema.enum) && schema.enum.includes(null))) {
    values.push({ description: 'null', value: null });
  }
  if (Array.isArray(schema.enum))
    values.push({ description: 'a value outside the enum', value: 'not-in-enum' });
  const min = num(schema.minLength);
  const max = num(schema.maxLength);
  if (min !== undefined && min > 0)
    values.push({ description: `${min - 1} characters (below minLength)`, value: 'a'.repeat(min - 1) });
  if (max !== undefined)
    values.push({ description: `${max + 1} characters (above maxLength)`, value: 'b'.repeat(max + 1) });
  if (schema.format === 'uuid') values.push({ description: 'a malformed uuid', value: 'not-a-uuid' });
  if (schema.format === 'date-time')
    values.push({ description: 'a malformed date-time', value: 'yesterday' });
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    const candidate = ['x', '!', ' '.repeat(Math.max(min ?? 1, 1))].find(
      (value) => !pattern.test(value) && value.length <= (max ?? Number.POSITIVE_INFINITY),
    );
    if (candidate !== undefined)
      values.push({ description: `a value not matching ${schema.pattern}`, value: candidate });
  }
  if (schema.type === 'integer') values.push({ description: 'a fraction', value: 1.5 });
  const minimum = num(schema.minimum);
  const maximum = num(schema.maximum);
  if (minimum !== undefined)
    values.push({ description: `${minimum - 1} (below minimum)`, value: minimum - 1 });
  if (maximum !== undefined)
    values.push({ description: `${maximum + 1} (above maximum)`, value: maximum + 1 });
  return values;
}

/** Whole request bodies for an object schema: accepted ones, and rejected ones naming what is wrong. */
export function bodyCases(input: Schema): { valid: GeneratedValue[]; invalid: GeneratedValue[] } {
  const schema = flatten(input);
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const base = validValue(schema) as Record<string, unknown>;
  // minProperties: a patch with nothing in it says nothing; give the base one property.
  const firstProperty = Object.keys(properties)[0];
  const minimal =
    Object.keys(base).length === 0 && num(schema.minProperties) !== undefined && firstProperty !== undefined
      ? { [firstProperty]: validValue(asSchema(properties[firstProperty])) }
      : base;
  const every = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, validValue(asSchema(property))]),
  );
  const withValue = (name: string, value: unknown) => {
    const body: Record<string, unknown> = { ...minimal, [name]: value };
    return value === OMIT ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== name)) : body;
  };

  const valid: GeneratedValue[] = [
    { description: 'only the required fields', value: minimal },
    { description: 'every field', value: every },
  ];
  const invalid: GeneratedValue[] = [
    { description: 'an array instead of an object', value: [minimal] },
    { description: 'a string instead of an object', value: 'text' },
    { description: 'a number instead of an object', value: 42 },
  ];
  for (const [name, property] of Object.entries(properties)) {
    for (const generated of validValues(asSchema(property)).slice(1)) {
      valid.push({
        description: `${name}: ${generated.description}`,
        value: withValue(name, generated.value),
      });
    }
    for (const generated of invalidValues(asSchema(property))) {
      invalid.push({
        description: `${name}: ${generated.description}`,
        value: withValue(name, generated.value),
      });
    }
  }
  for (const name of required)
    invalid.push({ description: `without required ${name}`, value: withValue(name, OMIT) });
  if (schema.additionalProperties === false) {
    invalid.push({ description: 'an extra property', value: { ...minimal, unexpectedProperty: 'x' } });
  }
  if ((num(schema.minProperties) ?? 0) > 0) invalid.push({ description: 'no properties at all', value: {} });
  return { valid, invalid };
}

function asSchema(value: unknown): Schema {
  return isSchema(value) ? value : {};
}
