/** A JSON object as parsed from YAML or JSON. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value if it is an object, else an empty one, so absent parts of a spec compare as empty. */
export const asObject = (value: unknown): Json => (isObject(value) ? value : {});
