import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import spec from '../../generated/openapi.json';
import { BEARER_JWT_PATTERN } from '../../infra/api-definition';
import { APP_METRICS, OPERATION_IDS } from '../../infra/constructs/dashboard';
import { GitHubDeployStack, gitHubDeployConfig } from '../../infra/github-deploy-stack';
import { addNagChecks } from '../../infra/nag';
import { buildAuthorizer } from '../../scripts/build';
import { isObject, objectAt, operationsOf, pointerTo } from '../../src/spec/openapi-document';
import { type Bundles, buildBundles, cdkJsonContext, definitionOf, synthStack } from './synth';

let bundles: Bundles;
let authorizerCodePath: string;
beforeAll(async () => {
  bundles = await buildBundles();
  authorizerCodePath = await buildAuthorizer(await mkdtemp(path.join(tmpdir(), 'items-api-authorizer-')));
}, 60_000);

const JWT = { authorizer: 'jwt', jwtIssuer: 'https://issuer.example.com/', jwtAudience: 'items-api,cli' };
const operations = operationsOf(spec).map(({ template, method }) => ({ template, method }));

/** The shapes `.ci/check-operators.sh` synthesizes; each must pass cdk-nag with nothing unacknowledged. */
const SHAPES: Record<string, Record<string, string>> = {
  dev: {},
  'prod with API keys and alarm email': {
    stage: 'prod',
    corsOrigins: 'https://app.example.com',
    apiKeys: 'true',
    alarmEmail: 'ops@example.com',
  },
  'JWT authorizer': JWT,
  'provisioned and reserved concurrency': {
    provisionedConcurrency: '2',
    provisionedConcurrencyMax: '10',
    reservedConcurrency: '50',
  },
};

describe('cdk-nag (AwsSolutions)', () => {
  it.each(Object.entries(SHAPES))('finds nothing unacknowledged in %s', async (_shape, context) => {
    const outdir = await mkdtemp(path.join(tmpdir(), 'items-api-nag-'));

    // Synthesis throws ValidationFailed on any unacknowledged finding.
    const { template } = synthStack(bundles, context, { nag: true, outdir, authorizerCodePath });

    const report: unknown = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    expect(violationsIn(report)).toEqual([]);
    // Every acknowledgment carries its reason into the template.
    const acknowledged = Object.values(template.toJSON().Resources).flatMap((resource) =>
      rulesToSuppress(resource),
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const rule of acknowledged)
      expect(rule).toEqual({
        id: expect.stringMatching(/^AwsSolutions-/),
        reason: expect.stringMatching(/.{40,}/),
      });
  });

  it('fails the synth on a finding nobody acknowledged', () => {
    const app = new App({ context: cdkJsonContext() });
    addNagChecks(app);
    const github = gitHubDeployConfig((key) => ({ githubRepo: 'example/items-api' })[key]);
    if (github === undefined) throw new Error('no config');
    const stack = new GitHubDeployStack(app, 'Probe', { github });
    // An AWS managed policy on purpose (AwsSolutions-IAM4): nag must refuse it.
    new iam.Role(stack, 'Wild', {
      assumedBy: new iam.AccountRootPrincipal(),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });

    expect(() => app.synth()).toThrow(/AwsSolutions-IAM4/);
  });
});

/** Every violation any plugin reported in a cloud assembly's validation-report.json. */
function violationsIn(report: unknown): unknown[] {
  if (!isObject(report) || !Array.isArray(report.pluginReports)) throw new Error('not a validation report');
  return report.pluginReports.flatMap((plugin: unknown) =>
    isObject(plugin) && Array.isArray(plugin.violations) ? plugin.violations : [],
  );
}

/** The cdk-nag acknowledgments written into a resource's Metadata. */
function rulesToSuppress(resource: unknown): unknown[] {
  if (!isObject(resource) || !isObject(resource.Metadata) || !isObject(resource.Metadata.cdk_nag)) return [];
  const rules = resource.Metadata.cdk_nag.rules_to_suppress;
  return Array.isArray(rules) ? rules : [];
}

describe('authorizer=jwt', () => {
  let template: Template;
  beforeAll(() => {
    template = synthStack(bundles, JWT, { authorizerCodePath }).template;
  });

  it.each(operations)(
    'protects $method $template with the Lambda TOKEN authorizer',
    ({ template: route, method }) => {
      const definition = definitionOf(template);

      expect(objectAt(definition, pointerTo('paths', route, method)).security).toEqual([{ bearerAuth: [] }]);
    },
  );

  it('declares a TOKEN authorizer on the Authorization header, cached per token, pre-filtered by shape', () => {
    const schemes = objectAt(definitionOf(template), pointerTo('components', 'securitySchemes'));

    expect(schemes.bearerAuth).toMatchObject({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerResultTtlInSeconds: 300,
        identityValidationExpression: BEARER_JWT_PATTERN,
      },
    });
    expect(JSON.stringify(schemes.bearerAuth)).toMatch(/"Fn::GetAtt":\["JwtAuthorizerFunction\w+","Arn"\]/);
    expect(new RegExp(BEARER_JWT_PATTERN).test('Bearer aaa.bbb.ccc')).toBe(true);
    expect(new RegExp(BEARER_JWT_PATTERN).test('Basic dXNlcjpwYXNz')).toBe(false);
  });

  it('configures the authorizer with the issuer and audiences, JSON logs and tracing', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'items-api-dev-authorizer',
      Runtime: 'nodejs24.x',
      Environment: {
        Variables: { JWT_ISSUER: 'https://issuer.example.com/', JWT_AUDIENCE: 'items-api,cli' },
      },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
      TracingConfig: { Mode: 'Active' },
    });
  });

  it("lets only this API's authorizers invoke it", () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JwtAuthorizerFunction'), 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([{ Ref: 'ApiF70053CD' }, '/authorizers/*'])] },
    });
  });

  it('creates no user pool', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    expect(Object.keys(template.toJSON().Outputs)).not.toContain('UserPoolClientId');
  });

  it.each([
    [{ authorizer: 'jwt' }, 'jwtIssuer'],
    [{ authorizer: 'jwt', jwtIssuer: 'http://insecure.example.com' }, 'jwtIssuer'],
    [{ ...JWT, authorizerCacheTtl: '7200' }, 'authorizerCacheTtl'],
    [{ authorizer: 'oauth' }, 'authorizer must be cognito or jwt'],
  ])('refuses %j', (context, message) => {
    expect(() => synthStack(bundles, context, { authorizerCodePath })).toThrow(message);
  });
});

describe('cold-start controls', () => {
  it('adds neither provisioned nor reserved concurrency by default (only the live alias deployments move)', () => {
    const { template } = synthStack(bundles);

    template.resourceCountIs('AWS::Lambda::Alias', 1);
    const [alias] = Object.values(template.findResources('AWS::Lambda::Alias'));
    expect(alias?.Properties?.ProvisionedConcurrencyConfig).toBeUndefined();
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(fn?.Properties?.ReservedConcurrentExecutions).toBeUndefined();
  });

  describe('with provisioned and reserved concurrency', () => {
    let template: Template;
    beforeAll(() => {
      template = synthStack(bundles, SHAPES['provisioned and reserved concurrency']).template;
    });

    it('reserves concurrency for the function', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: 'items-api-dev',
        ReservedConcurrentExecutions: 50,
      });
    });

    it('provisions the minimum on a live alias of the current version', () => {
      template.hasResourceProperties('AWS::Lambda::Alias', {
        Name: 'live',
        FunctionVersion: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FunctionCurrentVersion'), 'Version'] },
        ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
      });
    });

    it('scales provisioned concurrency between min and max on utilization', () => {
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
        MinCapacity: 2,
        MaxCapacity: 10,
        ScalableDimension: 'lambda:function:ProvisionedConcurrency',
        ServiceNamespace: 'lambda',
      });
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          TargetValue: 0.7,
          PredefinedMetricSpecification: { PredefinedMetricType: 'LambdaProvisionedConcurrencyUtilization' },
        }),
      });
    });

    it('integrates every operation with the alias, which is what holds the provisioned environments', () => {
      const definition = definitionOf(template);

      for (const { template: route, method } of operations)
        expect(
          JSON.stringify(
            objectAt(definition, pointerTo('paths', route, method))['x-amazon-apigateway-integration'],
          ),
        ).toContain('FunctionLiveAlias');
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { Ref: Match.stringLikeRegexp('^FunctionLiveAlias') },
        Principal: 'apigateway.amazonaws.com',
      });
    });
  });

  it('refuses a provisioned maximum above the reserved concurrency', () => {
    expect(() =>
      synthStack(bundles, {
        provisionedConcurrency: '5',
        provisionedConcurrencyMax: '20',
        reservedConcurrency: '10',
      }),
    ).toThrow('provisionedConcurrencyMax must not exceed reservedConcurrency');
  });
});

describe('observability', () => {
  let template: Template;
  beforeAll(() => {
    template = synthStack(bundles, { logLevel: 'debug' }).template;
  });

  it('traces the function and the stage with X-Ray', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'items-api-dev',
      TracingConfig: { Mode: 'Active' },
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: true });
  });

  it('logs the function as JSON at the level from context', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'items-api-dev',
      LoggingConfig: {
        LogFormat: 'JSON',
        ApplicationLogLevel: 'DEBUG',
        SystemLogLevel: 'WARN',
        LogGroup: Match.anyValue(),
      },
    });
  });

  it('sets a retention on every log group', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));

    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) expect(group.Properties?.RetentionInDays).toBe(7);
  });

  describe('dashboard', () => {
    let body: string;
    beforeAll(() => {
      const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
      body = JSON.stringify(dashboard?.Properties?.DashboardBody);
    });

    it('exists, named after the stage', () => {
      template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'items-api-dev' });
    });

    it('covers every operation of the spec', () => {
      expect([...OPERATION_IDS].sort()).toEqual(
        operationsOf(spec)
          .map(({ operation }) => operation.operationId)
          .sort(),
      );
    });

    it.each(
      OPERATION_IDS.flatMap((operation) =>
        ['Requests', 'Latency', '4xx', '5xx'].map((metric) => [operation, metric]),
      ),
    )('graphs %s %s from the EMF namespace', (operation, metric) => {
      expect(body).toContain(
        `[\\"${APP_METRICS.namespace}\\",\\"${metric}\\",\\"Operation\\",\\"${operation}\\"`,
      );
    });

    it.each(['4XXError', '5XXError', 'Latency', 'Count'])('graphs the gateway %s', (metric) => {
      expect(body).toContain(`[\\"AWS/ApiGateway\\",\\"${metric}\\",\\"ApiName\\",\\"items-api-dev\\"`);
    });

    it.each(['Errors', 'Throttles', 'Duration'])('graphs the function %s', (metric) => {
      expect(body).toContain(`[\\"AWS/Lambda\\",\\"${metric}\\",\\"FunctionName\\",\\"`);
    });

    it('shows every alarm', () => {
      const alarms = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));

      // The API's five, the media dead-letter queue's, and the two that roll a deployment back.
      expect(alarms).toHaveLength(8);
      for (const alarm of alarms) expect(body).toContain(alarm);
    });
  });
});

describe('GitHub deploy role (-c githubRepo)', () => {
  const synthRole = (context: Record<string, string>) => {
    const app = new App({ context: { ...cdkJsonContext(), ...context } });
    addNagChecks(app);
    const github = gitHubDeployConfig((key) => app.node.tryGetContext(key));
    if (github === undefined) throw new Error('githubRepo is not set');
    const stack = new GitHubDeployStack(app, 'Deploy', { github });
    app.synth();
    return Template.fromStack(stack);
  };

  it('is not part of the app without githubRepo', () => {
    expect(gitHubDeployConfig(() => undefined)).toBeUndefined();
  });

  describe('with a new OIDC provider', () => {
    let template: Template;
    beforeAll(() => {
      template = synthRole({ githubRepo: 'example/items-api' });
    });

    it('creates the GitHub OIDC provider for the STS audience', () => {
      template.hasResourceProperties('AWS::IAM::OIDCProvider', {
        Url: 'https://token.actions.githubusercontent.com',
        ClientIdList: ['sts.amazonaws.com'],
      });
    });

    it('trusts only web identity tokens for sts.amazonaws.com from main and the production environment', () => {
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Action: 'sts:AssumeRoleWithWebIdentity',
              Effect: 'Allow',
              Principal: { Federated: { Ref: Match.stringLikeRegexp('Provider') } },
              Condition: {
                StringEquals: {
                  'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                  'token.actions.githubusercontent.com:sub': [
                    'repo:example/items-api:ref:refs/heads/main',
                    'repo:example/items-api:environment:production',
                  ],
                },
              },
            },
          ],
        },
      });
      // No wildcard subject (StringLike) that would let pull requests or other branches in.
      expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('StringLike');
    });

    it('may only assume the CDK bootstrap roles of its account and region', () => {
      const policies = Object.values(template.findResources('AWS::IAM::Policy'));

      expect(policies).toHaveLength(1);
      const statements = policies[0]?.Properties?.PolicyDocument?.Statement;
      expect(statements).toEqual([
        {
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Effect: 'Allow',
          Resource: ['deploy', 'file-publishing', 'lookup'].map((kind) => ({
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':iam::',
                { Ref: 'AWS::AccountId' },
                `:role/cdk-hnb659fds-${kind}-role-`,
                { Ref: 'AWS::AccountId' },
                '-',
                { Ref: 'AWS::Region' },
              ],
            ],
          })),
        },
      ]);
      expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('ManagedPolicyArns');
    });

    it('outputs the role ARN for the workflow', () => {
      template.hasOutput('DeployRoleArn', {});
    });
  });

  it('imports an existing provider by ARN, and honours branch and environments', () => {
    const arn = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

    const template = synthRole({
      githubRepo: 'example/items-api',
      githubOidcProviderArn: arn,
      githubBranch: 'release',
      githubEnvironments: 'staging,production',
    });

    template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Federated: arn },
            Condition: {
              StringEquals: Match.objectLike({
                'token.actions.githubusercontent.com:sub': [
                  'repo:example/items-api:ref:refs/heads/release',
                  'repo:example/items-api:environment:staging',
                  'repo:example/items-api:environment:production',
                ],
              }),
            },
          }),
        ],
      },
    });
  });

  it('refuses a repository that is not owner/name', () => {
    expect(() => gitHubDeployConfig(() => 'items-api')).toThrow('githubRepo must be owner/name');
  });
});
