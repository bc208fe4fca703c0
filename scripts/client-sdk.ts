/**
 * The generated half of the client SDK (clients/typescript/src/generated/): what each operation of
 * openapi.yaml gets is read from what it declares (an `If-Match` or `Idempotency-Key` header
 * parameter, a `nextToken` query parameter with a list in its answer, its success statuses), so a
 * spec change reaches the SDK by `npm run generate` alone. The hand-written runtime reads this table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asArray, asObject, deref, isObject, type Json, operationsOf } from '../src/spec/openapi-document';

/** Where these files go, relative to generated/ (scripts/generate.ts writes and checks them). */
const SDK_DIR = '../clients/typescript/src/generated';

const HEADER = '// Generated from openapi.yaml by `npm run generate`. Do not edit.\n';

export interface ClientOperation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly string[];
  readonly ifMatch: boolean;
  readonly idempotencyKey: boolean;
  /** The array property a page lists its entries in, when the operation pages by `nextToken`. */
  readonly page: string | false;
  /** The request body's media type, when it has one. */
  readonly body: string | false;
  readonly success: readonly number[];
}

/** Every operation by operationId, as the SDK's runtime needs it. */
export function clientOperations(spec: unknown): Record<string, ClientOperation> {
  const table: Record<string, ClientOperation> = {};
  for (const { template, method, pathItem, operation } of operationsOf(spec)) {
    const id = operation.operationId;
    if (typeof id !== 'string') throw new Error(`${method.toUpperCase()} ${template} has no operationId`);
    const parameters = [...asArray(pathItem.parameters), ...asArray(operation.parameters)].flatMap((p) => {
      const resolved = deref(spec, p);
      return resolved === undefined ? [] : [resolved];
    });
    const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => String(p.name));
    const headers = named('header').map((name) => name.toLowerCase());
    const query = named('query');
    const responses = asObject(operation.responses);
    const success = Object.keys(responses)
      .filter((status) => /^2\d\d$/.test(status))
      .map(Number);
    const content = Object.keys(asObject(deref(spec, operation.requestBody)?.content));
    table[id] = {
      method: method.toUpperCase(),
      path: template,
      pathParams: named('path'),
      query,
      ifMatch: headers.includes('if-match'),
      idempotencyKey: headers.includes('idempotency-key'),
      page: query.includes('nextToken') ? pageProperty(spec, responses, success) : false,
      body: content[0] ?? false,
      success,
    };
  }
  return table;
}

/** The array property of a paged answer that also carries `nextToken`; false when there is none. */
function pageProperty(spec: unknown, responses: Json, success: readonly number[]): string | false {
  for (const status of success) {
    const schema = deref(
      spec,
      asObject(asObject(deref(spec, responses[String(status)])?.content)['application/json']).schema,
    );
    const properties = asObject(schema?.properties);
    if (!('nextToken' in properties)) continue;
    const list = Object.entries(properties).find(([, value]) => deref(spec, value)?.type === 'array');
    if (list !== undefined) return list[0];
  }
  return false;
}

/**
 * Every problem type the spec documents: each problem response's `type` enum (wherever it sits in
 * the schema, allOf included) and the `type` of its examples.
 */
export function problemTypes(spec: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, seen: Set<unknown>): void => {
    const value = deref(spec, node);
    if (value === undefined || seen.has(value)) return;
    seen.add(value);
    const type = deref(spec, asObject(value.properties).type);
    for (const entry of asArray(type?.enum)) if (typeof entry === 'string') found.add(entry);
    for (const part of [...asArray(value.allOf), ...asArray(value.oneOf), ...asArray(value.anyOf)])
      visit(part, seen);
  };
  for (const response of Object.values(asObject(asObject(asObject(spec).components).responses))) {
    for (const [mediaType, media] of Object.entries(asObject(deref(spec, response)?.content))) {
      if (!mediaType.includes('problem+json') || !isObject(media)) continue;
      visit(media.schema, new Set());
      const examples = Object.values(asObject(media.examples)).map((e) => deref(spec, e)?.value);
      for (const example of [media.example, ...examples]) {
        const type = asObject(example).type;
        if (typeof type === 'string') found.add(type);
      }
    }
  }
  return [...found].sort();
}

/** The SDK's generated files, keyed by their path relative to generated/. */
export function clientSdkFiles(spec: unknown, typesSource: string): Map<string, string> {
  const version = String(asObject(asObject(spec).info).version);
  // The package's version is the spec's: only that field of its hand-written package.json is rewritten.
  const packageJson = readFileSync(path.join(__dirname, '../clients/typescript/package.json'), 'utf8');
  const operations = JSON.stringify(clientOperations(spec), null, 2);
  const problems = JSON.stringify(problemTypes(spec), null, 2);
  return new Map([
    [
      `${SDK_DIR}/../../package.json`,
      packageJson.replace(/"version": "[^"]*"/, `"version": ${JSON.stringify(version)}`),
    ],
    [`${SDK_DIR}/openapi.ts`, typesSource],
    [
      `${SDK_DIR}/operations.ts`,
      `${HEADER}
/** The spec's \`info.version\` this SDK was generated from. */
export const specVersion = ${JSON.stringify(version)};

/** What each operation declares, by operationId: the SDK's methods are built from this table. */
export const operations = ${operations} as const;

export type OperationId = keyof typeof operations;

/** Every problem type the spec documents on its error responses. */
export const problemTypes = ${problems} as const;

export type ProblemType = (typeof problemTypes)[number];
`,
    ],
  ]);
}
