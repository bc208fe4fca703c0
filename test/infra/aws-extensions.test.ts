import Ajv from 'ajv';
import spec from '../../generated/openapi.json';
import { withAwsExtensions } from '../../infra/api-definition';
import { withHttpApiExtensions } from '../../infra/http-api-definition';
import { isObject, type Json, methodsByTemplate } from '../../src/spec/openapi-document';
import {
  type ExtensionSchema,
  HTTP_API_EXTENSIONS,
  type Location,
  REST_API_EXTENSIONS,
} from './aws-extension-schemas';

const PREFIX = 'x-amazon-apigateway-';
const URI = {
  'Fn::Join': [
    '',
    [
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/',
      { 'Fn::GetAtt': ['Fn', 'Arn'] },
      '/invocations',
    ],
  ],
};
const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

interface Found {
  /** JSON-pointer-like path to the extension key. */
  readonly path: string;
  readonly name: string;
  readonly at: Location;
  readonly where: string;
  readonly value: unknown;
}

/** Every extension in the definition, with where it sits; extensions anywhere else are reported as 'elsewhere'. */
function extensionsOf(definition: Json): { found: Found[]; elsewhere: string[] } {
  const found: Found[] = [];
  const collect = (node: Json, at: Location, where: string, base: string) => {
    for (const [name, value] of Object.entries(node))
      if (name.startsWith(PREFIX)) found.push({ path: `${base}/${name}`, name, at, where, value });
  };
  collect(definition, 'root', '#', '#');
  for (const [template, pathItem] of Object.entries(isObject(definition.paths) ? definition.paths : {})) {
    if (!isObject(pathItem)) continue;
    collect(pathItem, 'pathItem', template, `#/paths/${template}`);
    for (const [method, operation] of Object.entries(pathItem))
      if (OPERATION_KEYS.has(method) && isObject(operation))
        collect(operation, 'operation', `${method} ${template}`, `#/paths/${template}/${method}`);
  }
  const components = isObject(definition.components) ? definition.components : {};
  for (const [scheme, value] of Object.entries(
    isObject(components.securitySchemes) ? components.securitySchemes : {},
  ))
    if (isObject(value)) collect(value, 'securityScheme', scheme, `#/components/securitySchemes/${scheme}`);
  // Anything else: every extension key in the document outside those places (not looking inside
  // a found one, like any-method's own integration).
  const all: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) walk(child, `${path}/${index}`);
    } else if (isObject(node))
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith(PREFIX)) all.push(`${path}/${key}`);
        if (!key.startsWith(PREFIX)) walk(value, `${path}/${key}`);
      }
  };
  walk(definition, '#');
  const placed = new Set(found.map(({ path }) => path));
  return { found, elsewhere: all.filter((path) => !placed.has(path)) };
}

function validate(definition: Json, catalog: Readonly<Record<string, ExtensionSchema>>): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const { found, elsewhere } = extensionsOf(definition);
  const problems = elsewhere.map((path) => `${path}: an extension where none belongs`);
  for (const { name, at, where, value } of found) {
    const entry = catalog[name];
    if (entry === undefined) {
      problems.push(`${where}: ${name} is not an extension this gateway documents`);
      continue;
    }
    if (!entry.at.includes(at)) problems.push(`${where}: ${name} does not belong on a ${at}`);
    const check = ajv.compile(entry.schema);
    if (!check(value)) problems.push(`${where}: ${name} ${ajv.errorsText(check.errors)}`);
  }
  return problems;
}

const restDefinitions: Record<string, Json> = {
  'REST API': withAwsExtensions(spec, {
    integrationUri:
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
    stage: { corsOrigins: ['*'] },
    authorizer: {
      type: 'cognito_user_pools',
      userPoolArn: 'arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_a',
    },
  }),
  'REST API, JWT Lambda authorizer': withAwsExtensions(spec, {
    integrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations',
    stage: { corsOrigins: ['*'] },
    authorizer: {
      type: 'token',
      authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/a/invocations',
      resultTtlSeconds: 300,
    },
  }),
  'REST API with API keys, two origins': withAwsExtensions(spec, {
    integrationUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations',
    stage: {
      corsOrigins: ['https://a.example.com', 'https://b.example.com'],
      apiKeys: { throttle: { rateLimit: 1, burstLimit: 1 }, quotaPerDay: 1 },
    },
    authorizer: {
      type: 'cognito_user_pools',
      userPoolArn: 'arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_a',
    },
  }),
};
const httpDefinitions: Record<string, Json> = {
  'HTTP API, function-verified tokens': withHttpApiExtensions(spec, {
    integrationUri: 'arn:aws:lambda:us-east-1:1:function:f',
    corsOrigins: ['*'],
  }),
  'HTTP API, JWT authorizer': withHttpApiExtensions(spec, {
    integrationUri: 'arn:aws:lambda:us-east-1:1:function:f',
    corsOrigins: ['https://app.example.com'],
    jwtAuthorizer: {
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_a',
      audience: ['client'],
    },
  }),
};

describe('AWS extensions the stack emits, against the shapes AWS documents', () => {
  it.each(Object.entries(restDefinitions))(
    '%s: every extension is a documented REST API one, well formed and in place',
    (_, definition) => {
      expect(validate(definition, REST_API_EXTENSIONS)).toEqual([]);
    },
  );

  it.each(Object.entries(httpDefinitions))(
    '%s: every extension is a documented HTTP API one, well formed and in place',
    (_, definition) => {
      expect(validate(definition, HTTP_API_EXTENSIONS)).toEqual([]);
    },
  );

  it.each(Object.entries(restDefinitions))(
    '%s: every request validator an operation names is defined',
    (_, definition) => {
      const defined = Object.keys(
        isObject(definition['x-amazon-apigateway-request-validators'])
          ? definition['x-amazon-apigateway-request-validators']
          : {},
      );
      const named = extensionsOf(definition).found.filter(
        ({ name }) => name === 'x-amazon-apigateway-request-validator',
      );

      expect(
        named
          .map(({ value }) => value)
          .filter((value) => typeof value !== 'string' || !defined.includes(value)),
      ).toEqual([]);
    },
  );

  it('integrates every operation of the spec on both gateways', () => {
    const operations = Object.values(methodsByTemplate(spec)).flat().length;
    for (const definition of [...Object.values(restDefinitions), ...Object.values(httpDefinitions)]) {
      const integrated = extensionsOf(definition).found.filter(
        ({ name, at }) => name === 'x-amazon-apigateway-integration' && at === 'operation',
      );
      expect(integrated.length).toBeGreaterThanOrEqual(operations);
    }
  });

  it.each<[string, (definition: Json) => void, Readonly<Record<string, ExtensionSchema>>, RegExp]>([
    [
      'a REST extension in an HTTP API',
      (d) => {
        d['x-amazon-apigateway-request-validators'] = {};
      },
      HTTP_API_EXTENSIONS,
      /not an extension this gateway documents/,
    ],
    [
      'an HTTP integration without payloadFormatVersion',
      (d) => {
        d.paths = {
          '/x': {
            get: { 'x-amazon-apigateway-integration': { type: 'AWS_PROXY', uri: URI, httpMethod: 'POST' } },
          },
        };
      },
      HTTP_API_EXTENSIONS,
      /payloadFormatVersion/,
    ],
    [
      'CORS credentials for any origin',
      (d) => {
        d['x-amazon-apigateway-cors'] = { allowOrigins: ['*'], allowCredentials: true };
      },
      HTTP_API_EXTENSIONS,
      /x-amazon-apigateway-cors/,
    ],
    [
      'an unknown gateway response type',
      (d) => {
        d['x-amazon-apigateway-gateway-responses'] = { NOT_A_TYPE: { statusCode: '400' } };
      },
      REST_API_EXTENSIONS,
      /gateway-responses/,
    ],
    [
      'a REST proxy integration that is not a POST',
      (d) => {
        d.paths = {
          '/x': {
            get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: URI, httpMethod: 'GET' } },
          },
        };
      },
      REST_API_EXTENSIONS,
      /integration/,
    ],
    [
      'an extension inside a schema',
      (d) => {
        d.components = { schemas: { X: { 'x-amazon-apigateway-integration': {} } } };
      },
      REST_API_EXTENSIONS,
      /where none belongs/,
    ],
    [
      'an integration on the root',
      (d) => {
        d['x-amazon-apigateway-integration'] = { type: 'mock' };
      },
      REST_API_EXTENSIONS,
      /does not belong on a root/,
    ],
  ])('catches %s', (_, breakIt, catalog, problem) => {
    const definition = structuredClone(
      Object.values(catalog === REST_API_EXTENSIONS ? restDefinitions : httpDefinitions)[0] ?? {},
    );
    breakIt(definition);

    expect(validate(definition, catalog).join('\n')).toMatch(problem);
  });
});
