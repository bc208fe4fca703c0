import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import spec from '../../generated/openapi.json';
import { gatewayCopy } from '../../infra/gateway-copy';
import { ItemsApiStack } from '../../infra/items-api-stack';
import { stageConfig } from '../../infra/stage-config';
import {
  CORS_ALLOWED_HEADERS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
} from '../../src/http/middleware/cors';
import { isObject, type Json, objectAt, pointerTo } from '../../src/spec/openapi-document';
import { ROUTES } from '../support/operations';
import { type Bundles, buildBundles } from './synth';

let bundles: Bundles;
beforeAll(async () => {
  bundles = await buildBundles();
}, 60_000);

function synth(context: Record<string, string>): Template {
  const app = new App({ context });
  const config = stageConfig((key) => app.node.tryGetContext(key));
  return Template.fromStack(new ItemsApiStack(app, 'Test', { config, spec, ...bundles }));
}

function definitionOf(template: Template): Json {
  const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));
  const body: unknown = api?.Properties?.Body;
  if (!isObject(body)) throw new Error('the HTTP API has no inline definition');
  return body;
}

const operations = ROUTES.map(({ template, method, operationId }) => ({
  route: template,
  method: method.toLowerCase(),
  operationId,
}));

/** The `live` alias the integrations invoke, which deployments move to each new version. */
const liveAliasId = (template: Template): string =>
  Object.keys(template.findResources('AWS::Lambda::Alias', { Properties: { Name: 'live' } }))[0] ??
  'no alias';

describe.each([
  ['function-verified tokens (default)', { gateway: 'http' }],
  ['the JWT authorizer', { gateway: 'http', httpAuthorizer: 'jwt' }],
])('ItemsApiStack with gateway=http and %s', (_, context) => {
  let template: Template;
  let definition: Json;
  beforeAll(() => {
    template = synth(context);
    definition = definitionOf(template);
  });
  const jwt = 'httpAuthorizer' in context;

  it('creates an HTTP API from the spec, and no REST API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'items-api-dev', FailOnWarnings: true });
    expect(definition.openapi).toBe(spec.openapi);
  });

  it.each(operations)(
    "integrates $operationId ($method $route) with the function's live alias, payload format 2.0",
    ({ route, method }) => {
      const integration = objectAt(definition, pointerTo('paths', route, method))[
        'x-amazon-apigateway-integration'
      ];

      expect(integration).toMatchObject({
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        payloadFormatVersion: '2.0',
      });
      expect(JSON.stringify(integration)).toContain(liveAliasId(template));
    },
  );

  it('sends every other path and method to the function through the $default route', () => {
    expect(objectAt(definition, pointerTo('paths', '/$default'))).toEqual({
      'x-amazon-apigateway-any-method': {
        isDefaultRoute: true,
        'x-amazon-apigateway-integration': expect.objectContaining({
          type: 'AWS_PROXY',
          payloadFormatVersion: '2.0',
        }),
      },
    });
  });

  it("imports openapi.yaml's gateway copy unchanged apart from extensions, security and the $default route", () => {
    const strip = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(strip);
      if (!isObject(node)) return node;
      return Object.fromEntries(
        Object.entries(node)
          .filter(
            ([key]) => !key.startsWith('x-amazon-apigateway') && key !== 'security' && key !== '/$default',
          )
          .filter(([key]) => key !== 'securitySchemes')
          .map(([key, value]) => [key, strip(value)]),
      );
    };
    const { 'x-generated': _note, ...contract } = gatewayCopy(spec).definition;

    expect(strip(definition)).toEqual(strip(contract));
  });

  it('answers preflight from the shared CORS policy', () => {
    expect(definition['x-amazon-apigateway-cors']).toEqual({
      allowOrigins: ['*'],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      allowHeaders: [...CORS_ALLOWED_HEADERS],
      exposeHeaders: [...CORS_EXPOSED_HEADERS],
      maxAge: CORS_MAX_AGE_SECONDS,
      allowCredentials: false,
    });
  });

  if (jwt) {
    it.each(operations)(
      'protects $operationId with the JWT authorizer on the Cognito pool',
      ({ route, method }) => {
        expect(objectAt(definition, pointerTo('paths', route, method)).security).toEqual([
          { bearerAuth: [] },
        ]);
        expect(objectAt(definition, pointerTo('components', 'securitySchemes'))).toEqual({
          bearerAuth: expect.objectContaining({
            // AWS's openIdConnect form: valid OpenAPI 3.0 (oauth2 would need `flows`).
            type: 'openIdConnect',
            openIdConnectUrl: {
              'Fn::Join': [
                '',
                [
                  'https://',
                  { 'Fn::GetAtt': [expect.stringMatching(/^UserPool/), 'ProviderName'] },
                  '/.well-known/openid-configuration',
                ],
              ],
            },
            'x-amazon-apigateway-authorizer': {
              type: 'jwt',
              identitySource: '$request.header.Authorization',
              jwtConfiguration: {
                issuer: {
                  'Fn::Join': [
                    '',
                    ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^UserPool/), 'ProviderName'] }],
                  ],
                },
                audience: [{ Ref: expect.stringMatching(/^UserPoolWebClient/) }],
              },
            },
          }),
        });
      },
    );

    it('leaves the function without JWT_* settings: the gateway has verified every caller', () => {
      const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
      expect(Object.keys(fn?.Properties?.Environment?.Variables ?? {})).not.toContain('JWT_ISSUER');
    });
  } else {
    it.each(operations)(
      'leaves $operationId to the function to authenticate (no gateway authorizer)',
      ({ route, method }) => {
        expect(objectAt(definition, pointerTo('paths', route, method)).security).toBeUndefined();
        expect(objectAt(definition, pointerTo('components'))).not.toHaveProperty('securitySchemes');
      },
    );

    it("points the function at the pool's issuer, web client and JWKS", () => {
      const issuer = {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'ProviderName'] }],
        ],
      };
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            JWT_ISSUER: issuer,
            JWT_AUDIENCE: { Ref: Match.stringLikeRegexp('^UserPoolWebClient') },
            JWT_JWKS_URI: {
              'Fn::Join': [
                '',
                [
                  'https://',
                  { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'ProviderName'] },
                  '/.well-known/jwks.json',
                ],
              ],
            },
          }),
        },
      });
    });
  }

  it('throttles the $default stage and writes JSON access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: 20,
        ThrottlingBurstLimit: 40,
        DetailedMetricsEnabled: true,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AccessLogs'), 'Arn'] },
        Format: Match.serializedJson(
          Match.objectLike({
            requestId: '$context.requestId',
            status: '$context.status',
            routeKey: '$context.routeKey',
          }),
        ),
      },
    });
  });

  it('lets only this API invoke the function', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([{ Ref: 'HttpApi' }, '/*'])] },
    });
  });

  it.each([
    ['items-api-dev-5xx-rate', '5xx', 'Average'],
    ['items-api-dev-4xx-rate', '4xx', 'Average'],
    ['items-api-dev-latency-p99', 'Latency', 'p99'],
  ])('alarms as %s on the HTTP API metric %s by ApiId', (alarmName, metricName, statistic) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmName,
      Namespace: 'AWS/ApiGateway',
      MetricName: metricName,
      Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }],
      ...(statistic === 'Average' ? { Statistic: 'Average' } : { ExtendedStatistic: 'p99' }),
    });
  });
});

// The issuer is the same setting behind either gateway: with -c authorizer=jwt the HTTP API trusts
// jwtIssuer/jwtAudience instead of a pool, and the stack creates neither a pool nor a Lambda authorizer.
describe.each([
  ['the function', {}],
  ['the JWT authorizer', { httpAuthorizer: 'jwt' }],
])('ItemsApiStack with gateway=http, authorizer=jwt, verified by %s', (_, extra) => {
  const ISSUER = 'https://issuer.example.com/';
  let template: Template;
  beforeAll(() => {
    template = synth({
      gateway: 'http',
      authorizer: 'jwt',
      jwtIssuer: ISSUER,
      jwtAudience: 'items-api,cli',
      ...extra,
    });
  });

  it('creates no user pool and no Lambda authorizer; one ApiUrl output and no pool outputs', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    // The API function and the two media workers (stream.handler, uploads.handler): no authorizer.
    expect(
      Object.values(template.findResources('AWS::Lambda::Function')).map((fn) => fn.Properties?.Handler),
    ).toEqual(['index.handler', 'stream.handler', 'uploads.handler']);
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['ApiUrl', 'TableName']);
  });

  it('trusts the configured issuer and audiences', () => {
    if ('httpAuthorizer' in extra) {
      const schemes = objectAt(definitionOf(template), pointerTo('components', 'securitySchemes'));
      expect(JSON.stringify(schemes)).toContain(
        JSON.stringify({ issuer: ISSUER, audience: ['items-api', 'cli'] }),
      );
      return;
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          JWT_ISSUER: ISSUER,
          JWT_AUDIENCE: 'items-api,cli',
          JWT_JWKS_URI: 'https://issuer.example.com/.well-known/jwks.json',
        }),
      },
    });
  });
});

describe('ItemsApiStack with gateway=http: the parts it shares with the REST shape', () => {
  it('integrates the live alias when provisioned concurrency is on, and draws the same dashboard', () => {
    const template = synth({ gateway: 'http', provisionedConcurrency: '2' });

    const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));
    const [aliasId] = Object.keys(template.findResources('AWS::Lambda::Alias'));
    expect(aliasId).toBeDefined();
    expect(JSON.stringify(api?.Properties?.Body)).toContain(JSON.stringify({ Ref: aliasId }));
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties?.DashboardBody);
    for (const metric of ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency'])
      expect(body).toContain(`\\"${metric}\\",\\"ApiId\\"`);
  });

  it('outputs the pool it creates beside the one ApiUrl', () => {
    const template = synth({ gateway: 'http' });

    expect(Object.keys(template.findOutputs('*')).sort()).toEqual([
      'ApiUrl',
      'TableName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });
});

describe('gateway context', () => {
  it('keeps the REST API the default, importing with failOnWarnings', () => {
    const template = synth({});

    template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { FailOnWarnings: true });
  });

  it.each([
    [{ gateway: 'graphql' }, 'gateway must be rest or http; got graphql'],
    [{ gateway: 'http', httpAuthorizer: 'iam' }, 'httpAuthorizer must be lambda or jwt; got iam'],
    [{ gateway: 'http', apiKeys: 'true' }, 'apiKeys=true needs gateway=rest'],
    [
      { gateway: 'http', userPoolArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc' },
      'gateway=http with userPoolArn needs -c jwtAudience',
    ],
  ])('refuses %j', (context, message) => {
    expect(() => stageConfig((key) => context[key as keyof typeof context])).toThrow(message);
  });
});
