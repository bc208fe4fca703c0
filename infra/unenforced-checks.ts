/**
 * What the REST API's gateway does not check of a request, and so only the Lambda does: written
 * into docs/gateway-import.md by `npm run docs:gateway` (scripts/gateway-import-doc.ts), and
 * test/infra/gateway-import-doc.test.ts fails when the file is not current. Derived from the gateway copy and the definition the stack
 * imports, so it changes with openapi.yaml and with the translation.
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
import { REQUEST_VALIDATORS, withAwsExtensions } from './api-definition';
import { gatewayCopy } from './gateway-copy';

/** The parameter keywords that are checks; API Gateway's parameter validation only checks presence. */
const PARAMETER_CHECKS = ['enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'format'];

export interface UnenforcedRow {
  readonly subject: string;
  readonly check: string;
}

/** Every request check of the spec that the REST API's gateway leaves to the Lambda. */
export function unenforcedChecks(spec: Json): UnenforcedRow[] {
  const { definition, dropped } = gatewayCopy(spec);
  const requestSchemas = schemasReachedByRequests(definition);
  const rows: UnenforcedRow[] = dropped
    .filter(({ schema }) => schema === undefined || requestSchemas.has(schema))
    .map(({ subject, check }) => ({ subject, check }));

  // Parameter validation makes sure required parameters are present and not blank, nothing more
  // (API Gateway developer guide, "Request validation").
  const parameters = new Map<string, UnenforcedRow>();
  for (const { pathItem, operation } of operationsOf(definition))
    for (const parameter of [...asArray(pathItem.parameters), ...asArray(operation.parameters)]) {
      if (!isObject(parameter)) continue;
      const schema = deref(definition, parameter.schema) ?? {};
      const checks = [
        ...(schema.type !== undefined && schema.type !== 'string' ? [`type ${String(schema.type)}`] : []),
        ...PARAMETER_CHECKS.filter((keyword) => schema[keyword] !== undefined).map(
          (keyword) => `${keyword} ${shown(schema[keyword])}`,
        ),
      ];
      const subject = `${parameter.in} parameter ${parameter.name}`;
      if (checks.length > 0) parameters.set(subject, { subject, check: checks.join(', ') });
    }
  rows.push(...parameters.values());

  // Bodies whose schema uses `nullable` are not validated at the gateway (api-definition.ts).
  const imported = withAwsExtensions(spec, {
    integrationUri: 'arn',
    stage: { corsOrigins: ['*'] },
    authorizer: { type: 'cognito_user_pools', userPoolArn: 'arn' },
  });
  for (const { operation } of operationsOf(imported))
    if (operation['x-amazon-apigateway-request-validator'] === REQUEST_VALIDATORS.parametersOnly)
      rows.push({
        subject: `request body of ${String(operation.operationId)}`,
        check: 'the whole body schema (it uses `nullable`, which draft-4 models cannot express)',
      });
  return rows;
}

/** A keyword's value as the list shows it: strings and enum values as code, numbers bare. */
const shown = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(shown).join(', ')
    : typeof value === 'string'
      ? `\`${value}\``
      : JSON.stringify(value);

/** The names of the component schemas a request body or parameter uses, directly or through others. */
function schemasReachedByRequests(definition: Json): Set<string> {
  const prefix = `${pointerTo('components', 'schemas')}/`;
  const schemas = asObject(asObject(definition.components).schemas);
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) visit(child);
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(prefix)) {
      const name = node.$ref.slice(prefix.length);
      if (reached.has(name)) return;
      reached.add(name);
      visit(schemas[name]);
      return;
    }
    for (const child of Object.values(node)) visit(child);
  };
  for (const { pathItem, operation } of operationsOf(definition)) {
    visit(pathItem.parameters);
    visit(operation.parameters);
    visit(operation.requestBody);
  }
  return reached;
}
