import { Match, type Template } from 'aws-cdk-lib/assertions';
import spec from '../../generated/openapi.json';
import { PREFLIGHT_TAG } from '../../infra/api-definition';
import { REPOSITORY_ACTIONS } from '../../infra/constructs/items-table';
import { gatewayCopy } from '../../infra/gateway-copy';
import { gatewayResponses } from '../../infra/gateway-responses';
import { asArray, asObject, isObject, type Json, objectAt, pointerTo } from '../../src/spec/openapi-document';
import { ROUTES } from '../support/operations';
import { type Bundles, buildBundles, definitionOf, synthStack } from './synth';

let bundles: Bundles;
beforeAll(async () => {
  // The real bundles, built as `npm run build` builds them, into directories of this test's own.
  bundles = await buildBundles();
}, 60_000);

const synth = (context: Record<string, string> = {}): Template => synthStack(bundles, context).template;

/** The operation (or preflight) at `method` of a path template in the definition. */
const operationAt = (definition: Json, template: string, method: string): Json =>
  objectAt(definition, pointerTo('paths', template, method));

function functionLogicalId(template: Template): string {
  const [id] = Object.keys(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
  );
  if (id === undefined) throw new Error('no function');
  return id;
}

/** The `live` alias API Gateway invokes, which deployments move to each new version. */
function liveAliasLogicalId(template: Template): string {
  const [id] = Object.keys(template.findResources('AWS::Lambda::Alias', { Properties: { Name: 'live' } }));
  if (id === undefined) throw new Error('no live alias');
  return id;
}

/** The definition without AWS extensions, CORS preflight methods and per-operation security: what must equal openapi.yaml. */
function withoutAwsAdditions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAwsAdditions);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) =>
          !key.startsWith('x-amazon-apigateway') &&
          key !== 'security' &&
          !(key === 'options' && isObject(value) && 'x-amazon-apigateway-integration' in value),
      )
      .map(([key, value]) => [key, withoutAwsAdditions(value)]),
  );
}

const operations = ROUTES.map(({ template, method, operationId }) => ({
  route: template,
  method: method.toLowerCase(),
  operationId,
}));

describe('ItemsApiStack (dev)', () => {
  let template: Template;
  let definition: Json;
  beforeAll(() => {
    template = synth();
    definition = definitionOf(template);
  });

  it.each(operations)(
    "imports $operationId ($method $route) with a proxy integration to the function's live alias",
    ({ route, method }) => {
      const integration = operationAt(definition, route, method)['x-amazon-apigateway-integration'];

      expect(integration).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST' });
      expect(JSON.stringify(integration)).toContain(liveAliasLogicalId(template));
    },
  );

  it("imports openapi.yaml's gateway copy unchanged apart from AWS extensions and the authorizer wiring they need", () => {
    // The only non-extension edits: the stage's one security requirement stated per operation
    // (stripped with the extensions below) instead of the spec's alternatives at the root, and the
    // bearer scheme in the apiKey-on-Authorization form API Gateway uses for Cognito authorizers.
    const { 'x-generated': _note, security: _alternatives, ...contract } = gatewayCopy(spec).definition;
    const components = asObject(contract.components);
    const expected = {
      ...contract,
      tags: [...asArray(contract.tags), PREFLIGHT_TAG],
      components: {
        ...components,
        securitySchemes: {
          ...asObject(components.securitySchemes),
          bearerAuth: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            description: spec.components.securitySchemes.bearerAuth.description,
          },
        },
      },
    };

    expect(withoutAwsAdditions(definition)).toEqual(expected);
  });

  it.each(operations)('protects $operationId with the Cognito authorizer', ({ route, method }) => {
    const schemes = objectAt(definition, pointerTo('components', 'securitySchemes'));

    expect(operationAt(definition, route, method).security).toEqual([{ bearerAuth: [] }]);
    expect(schemes.bearerAuth).toMatchObject({
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: [{ 'Fn::GetAtt': [expect.stringMatching(/^UserPool/), 'Arn'] }],
      },
    });
  });

  it('creates a user pool without self sign-up and a public client for the frontend', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
    template.hasOutput('UserPoolClientId', {});
  });

  it('validates body and parameters at the gateway, except bodies its draft-4 models cannot express', () => {
    expect(definition['x-amazon-apigateway-request-validator']).toBe('body-and-parameters');
    expect(definition['x-amazon-apigateway-request-validators']).toEqual({
      'body-and-parameters': { validateRequestBody: true, validateRequestParameters: true },
      'parameters-only': { validateRequestBody: false, validateRequestParameters: true },
    });
    expect(operationAt(definition, '/items/{itemId}', 'patch')['x-amazon-apigateway-request-validator']).toBe(
      'parameters-only',
    );
    expect(
      operationAt(definition, '/items', 'post')['x-amazon-apigateway-request-validator'],
    ).toBeUndefined();
  });

  it('answers errors of its own with the gateway responses rendered from the problem catalog', () => {
    expect(definition['x-amazon-apigateway-gateway-responses']).toEqual(gatewayResponses(['*']));
  });

  it('gives the function only the DynamoDB actions it uses, on the table and its index', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            // Sorted by @aws-cdk/aws-iam:minimizePolicies.
            Action: [...REPOSITORY_ACTIONS].sort(),
            Effect: 'Allow',
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^Items'), 'Arn'] },
              {
                'Fn::Join': [
                  '',
                  [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Items'), 'Arn'] }, '/index/byOwnerStatus'],
                ],
              },
            ],
          },
        ]),
      },
    });
  });

  it('has no wildcard action or resource and no managed policy, apart from X-Ray which has no resources', () => {
    const iam = {
      ...template.findResources('AWS::IAM::Policy'),
      ...template.findResources('AWS::IAM::Role'),
    };
    const xray = {
      Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
      Effect: 'Allow',
      Resource: '*',
    };
    const statements = JSON.stringify(iam).replaceAll(JSON.stringify(xray), '"x-ray"');

    expect(JSON.stringify(iam)).toContain(JSON.stringify(xray));
    // The one exception: the stream event source's dynamodb:ListStreams, which has no resource-level
    // permissions (AWS's own Lambda DynamoDB execution role grants it on * too).
    const scoped = statements.replace(
      '{"Action":"dynamodb:ListStreams","Effect":"Allow","Resource":"*"}',
      '',
    );

    expect(scoped).not.toMatch(/"Action":"[^"]*\*"|"Action":\["\*"|"Resource":"\*"/);
    // The one managed policy: CodeDeploy's own limited role for Lambda deployments (it moves the
    // function's aliases and reads the rollback alarms), on the deployment group's service role.
    const managed = Object.values(template.findResources('AWS::IAM::Role'))
      .map((role) => JSON.stringify(role.Properties?.ManagedPolicyArns ?? []))
      .filter((arns) => arns !== '[]');
    expect(managed).toEqual([expect.stringContaining('service-role/AWSCodeDeployRoleForLambdaLimited')]);
    // The API function's, and one per media worker.
    expect(Object.keys(template.findResources('AWS::IAM::Policy'))).toHaveLength(3);
  });

  it('runs the function on nodejs24.x arm64, timing out before the gateway does', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: Match.anyValue(),
      Environment: {
        Variables: { TABLE_NAME: { Ref: Match.stringLikeRegexp('^Items') }, CORS_ALLOWED_ORIGINS: '*' },
      },
    });
    const fn = template.findResources('AWS::Lambda::Function')[functionLogicalId(template)];
    expect(fn?.Properties?.Timeout).toBeLessThan(29);
  });

  it('keeps an on-demand, point-in-time-recoverable table with the status index, destroyable in dev', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        // The only index: uploads find their record from the object's metadata, not an index.
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byOwnerStatus' })],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
  });

  it('lets DynamoDB delete expired idempotency records: time to live on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('logs access as JSON and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
      MethodSettings: [
        Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40, MetricsEnabled: true }),
      ],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  it.each([
    ['5xx-rate', '5XXError', 0.01],
    ['latency-p99', 'Latency', 1000],
    ['function-errors', 'Errors', 5],
    ['function-throttles', 'Throttles', 1],
  ])('alarms on %s', (suffix, metric, threshold) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `items-api-dev-${suffix}`,
      MetricName: metric,
      Threshold: threshold,
    });
  });

  it('alarms on DynamoDB throttled requests', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'items-api-dev-dynamodb-throttles',
      Metrics: Match.arrayWith([
        Match.objectLike({
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ThrottledRequests' }) }),
        }),
      ]),
    });
  });

  it('answers CORS preflight at the gateway with a mock integration', () => {
    expect(operationAt(definition, '/items', 'options')['x-amazon-apigateway-integration']).toMatchObject({
      type: 'mock',
    });
    expect(operationAt(definition, '/items/{itemId}', 'options').security).toEqual([]);
  });

  it('has no usage plan unless asked', () => {
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 0);
    template.resourceCountIs('AWS::SNS::Topic', 0);
  });

  it('outputs the API URL once, and the table name', () => {
    const outputs = template.toJSON().Outputs;

    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', {});
    expect(Object.keys(outputs).filter((name) => /Endpoint|Url/.test(name))).toEqual(['ApiUrl']);
  });

  it('keeps the logical IDs deployed stacks have, so an update replaces no table, pool, secret or API', () => {
    // A changed logical ID is a new resource to CloudFormation: the old one (and its data) is deleted,
    // and a fixed physical name (table, log group, function, alarm) collides with itself.
    const deployed = [
      'Items5C12978B',
      'PageTokenSecret6EEDA1B9',
      'UserPool6BA7E5F2',
      'UserPoolWebClient4C9370B0',
      'FunctionLogsAE28C13D',
      'FunctionRole111A5701',
      'FunctionRoleDefaultPolicy41A10F9C',
      'Function76856677',
      // API Gateway now invokes the live alias: its permission is a new resource, the function's
      // old one goes (a permission, no data, no physical name).
      'FunctionLiveAliasInvokeFromApiC885F918',
      'AccessLogs8B620ECA',
      'ApiF70053CD',
      'ApiDeploymentStagedev51EE5D56',
      'Api5xxRateA72C59BB',
      'ApiLatencyP996AD6FF16',
      'FunctionErrors7EFC229D',
      'FunctionThrottles7956ED03',
      'TableThrottlesCD44955A',
    ];

    expect(Object.keys(template.toJSON().Resources)).toEqual(expect.arrayContaining(deployed));
  });
});

describe('ItemsApiStack (prod, API keys, alarm email)', () => {
  let template: Template;
  beforeAll(() => {
    template = synth({
      stage: 'prod',
      corsOrigins: 'https://app.example.com',
      apiKeys: 'true',
      alarmEmail: 'ops@example.com',
    });
  });

  it('retains the table and its data when the stack goes', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
  });

  it('requires an API key on every operation, with a usage plan that throttles and sets a quota', () => {
    const definition = definitionOf(template);
    expect(definition['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    for (const { route, method } of operations)
      expect(operationAt(definition, route, method).security).toEqual([{ bearerAuth: [], apiKey: [] }]);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 10000, Period: 'DAY' },
    });
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
  });

  it.each(operations.map(({ route }) => route).filter((route, index, all) => all.indexOf(route) === index))(
    'allows the X-Api-Key header in the %s preflight, so a browser may send its key',
    (route) => {
      const integration = asObject(
        operationAt(definitionOf(template), route, 'options')['x-amazon-apigateway-integration'],
      );
      const parameters = asObject(asObject(asObject(integration.responses).default).responseParameters);

      // A static value, quoted as API Gateway wants: 'Content-Type,…'.
      const allowed = String(parameters['method.response.header.Access-Control-Allow-Headers']);
      expect(allowed.replace(/^'|'$/g, '').split(',')).toContain('X-Api-Key');
    },
  );

  it('reads the Origin header in the preflight whatever case the client wrote it in', () => {
    const integration = asObject(
      operationAt(definitionOf(template), '/items', 'options')['x-amazon-apigateway-integration'],
    );
    const responseTemplate = String(
      asObject(asObject(asObject(integration.responses).default).responseTemplates)['application/json'],
    );

    // HTTP/2 clients send `origin`; REST header names keep the client's case and get() matches exactly.
    expect(responseTemplate).not.toMatch(/header\.get\("Origin"\)/);
    expect(responseTemplate).toContain('#foreach($name in $input.params().header.keySet())');
    expect(responseTemplate).toContain('$name.toLowerCase() == "origin"');
    expect(responseTemplate).toContain('$origin == "https://app.example.com"');
  });

  it('names the one allowed origin in CORS and in gateway error responses', () => {
    const definition = definitionOf(template);

    expect(JSON.stringify(definition['x-amazon-apigateway-gateway-responses'])).toContain(
      "'https://app.example.com'",
    );
    expect(JSON.stringify(definition)).not.toContain('Access-Control-Allow-Origin":"\'*\'');
  });

  it('sends every alarm to the SNS topic', () => {
    // The API's five, the media dead-letter queue's, and the two that roll a deployment back.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
    });
  });

  it('keeps access logs for 90 days', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('keeps the logical IDs of the deployed alarm topic, usage plan and API key', () => {
    const deployed = ['AlarmTopicD01E77F9', 'ApiUsagePlanDBBE8AB1', 'ApiApiKey8A01341B'];

    expect(Object.keys(template.toJSON().Resources)).toEqual(expect.arrayContaining(deployed));
  });
});

describe('ItemsApiStack with an existing user pool', () => {
  it('authorizes against the given pool and creates none', () => {
    const arn = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';

    const template = synth({ userPoolArn: arn });

    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    expect(JSON.stringify(definitionOf(template).components)).toContain(arn);
  });
});

describe('stage configuration', () => {
  it('refuses a CORS wildcard outside dev', () => {
    expect(() => synth({ stage: 'prod', corsOrigins: '*' })).toThrow('CORS origin * is allowed only in dev');
  });

  it('refuses an unknown stage', () => {
    expect(() => synth({ stage: 'staging' })).toThrow('stage must be one of dev, prod');
  });
});
