/**
 * The copy of openapi.yaml that API Gateway imports: only what its importer honours. AWS's
 * "known issues" page (API Gateway developer guide, "Amazon API Gateway important notes" for REST
 * APIs) lists what it does not support: `example`, `default`-style annotations, `discriminator`,
 * `readOnly`, `int32`/`int64` and other formats outside JSON Schema draft 4, and `$ref`s to
 * anything but schemas. With `failOnWarnings` on, any of these that the importer warns about would
 * roll a deploy back, so the copy leaves them out; the Lambda validates against the full spec.
 * openapi.yaml itself is never changed.
 */
import {
  asArray,
  asObject,
  deref,
  isObject,
  type Json,
  operationsOf,
  pointerTo,
} from '../src/spec/openapi-document';

/** The formats JSON Schema draft 4 defines, the only ones API Gateway models know. */
export const DRAFT_4_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
]);

/** Annotations API Gateway does not support and that validate nothing, so leaving them out loses no check. */
const ANNOTATIONS = ['example', 'examples', 'readOnly', 'writeOnly', 'discriminator', 'xml', 'externalDocs'];

/** The component kinds whose `$ref`s the importer does not support; the copy inlines them. */
const INLINED_COMPONENTS = ['responses', 'parameters', 'headers', 'examples', 'requestBodies'] as const;

/** A check the spec states that the gateway's copy does not make, and so only the Lambda makes. */
export interface Unenforced {
  /** What it applies to: `schema Item.version`, `query parameter limit`, `request body of updateItem`. */
  readonly subject: string;
  /** The component schema it sits in, if any (to tell request schemas from response-only ones). */
  readonly schema?: string;
  /** What the spec requires there. */
  readonly check: string;
}

/** Where a schema sits, for the list of what the copy dropped; undefined: in a response, unlisted. */
type Place = { readonly subject: string; readonly schema?: string } | undefined;

export interface GatewayCopy {
  readonly definition: Json;
  /** What the copy left out that was a check (annotations are not listed: they check nothing). */
  readonly dropped: readonly Unenforced[];
}

/** The spec as API Gateway should import it. The input is not modified. */
export function gatewayCopy(spec: Json): GatewayCopy {
  const dropped: Unenforced[] = [];
  const definition = inlineNonSchemaRefs(spec);
  const components = asObject(definition.components);
  for (const kind of INLINED_COMPONENTS) delete components[kind];

  for (const [name, schema] of Object.entries(asObject(components.schemas)))
    stripSchema(schema, { subject: `schema ${name}`, schema: name }, dropped);
  for (const pathItem of Object.values(asObject(definition.paths)))
    for (const parameter of asArray(asObject(pathItem).parameters)) {
      if (!isObject(parameter)) continue;
      stripAnnotations(parameter);
      stripSchema(parameter.schema, { subject: `${parameter.in} parameter ${parameter.name}` }, dropped);
    }
  for (const { operation } of operationsOf(definition)) {
    for (const parameter of asArray(operation.parameters)) {
      if (!isObject(parameter)) continue;
      stripAnnotations(parameter);
      stripSchema(parameter.schema, { subject: `${parameter.in} parameter ${parameter.name}` }, dropped);
    }
    const requestBody = asObject(operation.requestBody);
    stripContent(requestBody, { subject: `request body of ${operation.operationId}` }, dropped);
    for (const response of Object.values(asObject(operation.responses))) {
      stripContent(asObject(response), undefined, dropped);
      for (const header of Object.values(asObject(asObject(response).headers))) {
        if (!isObject(header)) continue;
        stripAnnotations(header);
        stripSchema(header.schema, undefined, dropped);
      }
    }
  }
  // A parameter shared by several operations is listed once.
  const unique = new Map(dropped.map((entry) => [`${entry.subject}\u0000${entry.check}`, entry]));
  return { definition, dropped: [...unique.values()] };
}

/** A copy with every `$ref` that is not to a schema replaced by what it points at. */
function inlineNonSchemaRefs(spec: Json): Json {
  const schemaRef = (ref: string) => ref.startsWith(pointerTo('components', 'schemas'));
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && !schemaRef(node.$ref)) return visit(deref(spec, node));
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
  };
  const copy = visit(spec);
  if (!isObject(copy)) throw new Error('the spec is not an object');
  return copy;
}

function stripAnnotations(node: Json): void {
  for (const key of ANNOTATIONS) delete node[key];
}

function stripContent(owner: Json, place: Place, dropped: Unenforced[]): void {
  for (const media of Object.values(asObject(owner.content))) {
    if (!isObject(media)) continue;
    stripAnnotations(media);
    stripSchema(media.schema, place, dropped);
  }
}

/** Leaves a schema (and the schemas inside it) with draft-4 keywords API Gateway supports. */
function stripSchema(schema: unknown, place: Place, dropped: Unenforced[]): void {
  if (!isObject(schema) || typeof schema.$ref === 'string') return;
  stripAnnotations(schema);
  const drop = (keyword: string, check: string) => {
    if (place !== undefined) dropped.push({ ...place, check });
    delete schema[keyword];
  };
  // A default is applied, not checked: the gateway passes a request on without the value either way.
  if (schema.default !== undefined) drop('default', `default ${JSON.stringify(schema.default)}`);
  if (typeof schema.format === 'string' && !DRAFT_4_FORMATS.has(schema.format))
    drop('format', `format ${schema.format}`);
  const within = (suffix: string): Place =>
    place === undefined ? undefined : { ...place, subject: `${place.subject}${suffix}` };
  for (const [name, property] of Object.entries(asObject(schema.properties)))
    stripSchema(property, within(`.${name}`), dropped);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'])
    for (const member of asArray(schema[keyword])) stripSchema(member, place, dropped);
  stripSchema(schema.items, within('[]'), dropped);
  stripSchema(schema.not, place, dropped);
  stripSchema(schema.additionalProperties, within('.*'), dropped);
}
