/**
 * Every definition the app can import into API Gateway, validated against the OpenAPI 3.0 schema
 * (Spectral's oas3-schema rule) and linted with Spectral's OpenAPI rules and the API Gateway rules
 * in infra/lint/aws-apigateway.spectral.yaml: no errors, and no warning that
 * infra/lint/acknowledged-warnings.ts does not list. Offline: `npm run lint:gateway`.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import spec from '../../generated/openapi.json';
import { ACKNOWLEDGED_WARNINGS } from '../../infra/lint/acknowledged-warnings';
import { buildAuthorizer } from '../../scripts/build';
import { asArray, isObject, type Json, objectAt, pointerTo } from '../../src/spec/openapi-document';
import { buildBundles, synthStack } from './synth';

const root = path.resolve(__dirname, '../..');
const RULESET = path.join(root, 'infra/lint/aws-apigateway.spectral.yaml');
const JWT_ISSUER = { authorizer: 'jwt', jwtIssuer: 'https://issuer.example.com/', jwtAudience: 'items-api' };

/** Every stack shape with its own gateway definition (the shapes .ci/check-operators.sh synthesizes). */
const GATEWAY_SHAPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'rest-dev': {},
  'rest-prod-api-keys': {
    stage: 'prod',
    corsOrigins: 'https://app.example.com',
    apiKeys: 'true',
    alarmEmail: 'ops@example.com',
  },
  'rest-jwt-authorizer': JWT_ISSUER,
  'http-function-verified': { gateway: 'http' },
  'http-jwt-cognito': { gateway: 'http', httpAuthorizer: 'jwt' },
  'http-jwt-issuer': { gateway: 'http', httpAuthorizer: 'jwt', ...JWT_ISSUER },
};

/** The definition a synthesized stack imports, REST or HTTP API. */
function importedDefinition(template: Template): Json {
  const [api] = [
    ...Object.values(template.findResources('AWS::ApiGateway::RestApi')),
    ...Object.values(template.findResources('AWS::ApiGatewayV2::Api')),
  ];
  const body: unknown = api?.Properties?.Body;
  if (!isObject(body)) throw new Error('no inline definition');
  return body;
}

/** What the pseudo parameters are in a scratch account in us-east-1. */
const PSEUDO_PARAMETERS: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
};

/**
 * The definition as CloudFormation hands it to API Gateway, with a placeholder for each value only
 * known at deploy time (ARNs, pool ids): `Fn::Join` joins, `Ref` and `Fn::GetAtt` become names.
 */
function resolveIntrinsics(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolveIntrinsics);
  if (!isObject(node)) return node;
  if ('Ref' in node) return PSEUDO_PARAMETERS[String(node.Ref)] ?? `ref-${String(node.Ref)}`;
  if ('Fn::GetAtt' in node) return `att-${asArray(node['Fn::GetAtt']).join('-')}`;
  if ('Fn::Join' in node) {
    const [separator, parts] = asArray(node['Fn::Join']);
    return asArray(parts).map(resolveIntrinsics).join(String(separator));
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveIntrinsics(value)]));
}

const CONTROL = 'control';

/** openapi.yaml unchanged, plus what earlier versions of the definition had wrong. */
function control(): Json {
  const definition: Json = structuredClone(spec);
  const schemes = objectAt(definition, pointerTo('components', 'securitySchemes'));
  schemes.bearerAuth = { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt' } };
  definition['x-amazon-apigateway-gateway-responses'] = {
    BAD_REQUEST_BODY: {
      statusCode: '400',
      responseTemplates: {
        'application/json': '{"detail":"$util.escapeJavaScript($context.error.validationErrorString)"}',
      },
    },
    REQUEST_TOO_LARGE: { statusCode: '413', responseTemplates: { 'application/json': '{}' } },
  };
  return definition;
}

interface Finding {
  readonly shape: string;
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly at: string;
  readonly message: string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** Runs the Spectral CLI once over every shape's file. */
function lint(files: Readonly<Record<string, string>>): Finding[] {
  const shapeOf = new Map(Object.entries(files).map(([shape, file]) => [file, shape]));
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/spectral'),
    ['lint', '--ruleset', RULESET, '--format', 'json', '--quiet', ...Object.values(files)],
    { encoding: 'utf8' },
  );
  const results: unknown = JSON.parse(run.stdout || '[]');
  return asArray(results).flatMap((result) => {
    if (!isObject(result)) return [];
    const severity = SEVERITIES[Number(result.severity)] ?? 'error';
    return [
      {
        shape: shapeOf.get(String(result.source)) ?? String(result.source),
        rule: String(result.code),
        severity,
        at: asArray(result.path).join('.'),
        message: String(result.message),
      },
    ];
  });
}

const acknowledged = (finding: Finding) =>
  ACKNOWLEDGED_WARNINGS.some(
    ({ rule, at }) => rule === finding.rule && (at === undefined || finding.at.startsWith(at)),
  );

describe('the gateway definitions of every stack shape', () => {
  let findings: Finding[];
  beforeAll(async () => {
    const bundles = await buildBundles();
    const authorizerCodePath = await buildAuthorizer(
      await mkdtemp(path.join(tmpdir(), 'items-api-authorizer-')),
    );
    // GATEWAY_DEFINITIONS_OUT keeps the files, for the one-time import on AWS (docs/gateway-import.md).
    const dir =
      process.env.GATEWAY_DEFINITIONS_OUT ?? (await mkdtemp(path.join(tmpdir(), 'items-api-gateway-lint-')));
    await mkdir(dir, { recursive: true });
    const files: Record<string, string> = {};
    for (const [shape, context] of Object.entries(GATEWAY_SHAPES)) {
      const { template } = synthStack(bundles, { ...context }, { authorizerCodePath });
      files[shape] = path.join(dir, `${shape}.json`);
      await writeFile(files[shape], JSON.stringify(resolveIntrinsics(importedDefinition(template)), null, 2));
    }
    // The control: openapi.yaml as written, with the gateway-response template and the JWT scheme
    // this project used to import. The rules must catch each of those, or a pass proves nothing.
    files[CONTROL] = path.join(dir, 'control-not-for-import.json');
    await writeFile(files[CONTROL], JSON.stringify(control()));
    findings = lint(files);
  }, 120_000);

  it('catch what API Gateway does not honour in openapi.yaml as written', () => {
    const rules = new Set(findings.filter(({ shape }) => shape === CONTROL).map(({ rule }) => rule));

    expect([...rules].sort()).toEqual(
      expect.arrayContaining([
        'aws-draft-4-formats',
        'aws-gateway-response-substitution-only',
        'aws-no-example',
        'aws-no-request-too-large-response',
        'aws-no-schema-default',
        'aws-schema-refs-only',
        'oas3-schema',
      ]),
    );
  });

  it.each(Object.keys(GATEWAY_SHAPES))(
    '%s: no Spectral errors (OpenAPI 3.0 schema and API Gateway rules)',
    (shape) => {
      const errors = findings.filter((finding) => finding.shape === shape && finding.severity === 'error');

      expect(errors).toEqual([]);
    },
  );

  it.each(Object.keys(GATEWAY_SHAPES))('%s: every warning fixed or acknowledged', (shape) => {
    const warnings = findings.filter(
      (finding) => finding.shape === shape && finding.severity === 'warning' && !acknowledged(finding),
    );

    expect(warnings).toEqual([]);
  });

  it('acknowledges only warnings some shape still has', () => {
    const stale = ACKNOWLEDGED_WARNINGS.filter(
      ({ rule, at }) =>
        !findings.some((finding) => finding.rule === rule && (at === undefined || finding.at.startsWith(at))),
    );

    expect(stale).toEqual([]);
  });
});
