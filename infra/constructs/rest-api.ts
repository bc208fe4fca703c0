/**
 * The REST API imported from openapi.yaml with AWS extensions added (api-definition.ts): its
 * stage with throttling and access logs, the function's invoke permission, and the usage plan
 * when the stage uses API keys.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Json } from '../../src/spec/openapi-document';
import { withAwsExtensions } from '../api-definition';
import { acknowledgeNag } from '../nag';
import type { StageConfig } from '../stage-config';
import { WebAcl } from './web-acl';

export interface RestApiProps {
  /** The physical name prefix, `items-api-<stage>`; also the API's name. */
  readonly name: string;
  readonly config: Pick<
    StageConfig,
    'stage' | 'corsOrigins' | 'apiKeys' | 'throttle' | 'logRetention' | 'waf'
  >;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** The function (or alias) every operation is integrated with. */
  readonly fn: lambda.IFunction;
  /** Who verifies the spec's bearer scheme: a Cognito pool's ID tokens, or a Lambda TOKEN authorizer. */
  readonly authorizer:
    | { readonly kind: 'cognito'; readonly userPool: cognito.IUserPool }
    | { readonly kind: 'jwt'; readonly fn: lambda.IFunction; readonly resultTtlSeconds: number };
}

/** The API Gateway REST API, created in `scope` itself (see ItemsApiStack). */
export class RestApi {
  readonly api: apigateway.SpecRestApi;
  /** AWS WAF on the stage, where the stage config asks for it. */
  readonly webAcl: WebAcl | undefined;

  constructor(scope: Construct, { name, config, spec, fn, authorizer }: RestApiProps) {
    const accessLogs = new logs.LogGroup(scope, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${name}/access`,
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const { partition, region } = Stack.of(scope);
    const invocationUri = (target: lambda.IFunction) =>
      `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${target.functionArn}/invocations`;
    this.api = new apigateway.SpecRestApi(scope, 'Api', {
      restApiName: name,
      apiDefinition: apigateway.ApiDefinition.fromInline(
        withAwsExtensions(spec, {
          integrationUri: invocationUri(fn),
          stage: config,
          authorizer:
            authorizer.kind === 'cognito'
              ? { type: 'cognito_user_pools', userPoolArn: authorizer.userPool.userPoolArn }
              : {
                  type: 'token',
                  authorizerUri: invocationUri(authorizer.fn),
                  resultTtlSeconds: authorizer.resultTtlSeconds,
                },
        }),
      ),
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // An import warning fails the deploy instead of silently dropping part of the definition.
      failOnWarnings: true,
      deployOptions: {
        stageName: config.stage,
        throttlingRateLimit: config.throttle.rateLimit,
        throttlingBurstLimit: config.throttle.burstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        metricsEnabled: true,
        tracingEnabled: true,
      },
      cloudWatchRole: false,
    });
    // The stack outputs the URL once, as `ApiUrl`; the construct's own `Endpoint<hash>` output repeats it.
    this.api.node.tryRemoveChild('Endpoint');
    acknowledgeNag(
      this.api,
      'AwsSolutions-APIG2',
      'Request validators are declared in the imported OpenAPI body (x-amazon-apigateway-request-validators, api-definition.ts), which cdk-nag cannot read; test/infra asserts one on every operation.',
    );
    acknowledgeNag(
      this.api.deploymentStage,
      'AwsSolutions-APIG6',
      'Access logs (JSON) go to their own log group. Execution logging needs the account-wide API Gateway CloudWatch role, an account singleton this stack does not own (cloudWatchRole: false); the Lambda logs every request.',
    );
    if (config.waf === undefined) {
      acknowledgeNag(
        this.api.deploymentStage,
        'AwsSolutions-APIG3',
        'No WAF web ACL on this stage (-c waf=false, or not prod): a fixed monthly fee per ACL and rule; the stage throttle, the optional usage plan and the authorizer bound abuse. Prod has one by default (-c waf=true).',
      );
      this.webAcl = undefined;
    } else {
      this.webAcl = new WebAcl(scope, {
        name,
        stageArn: this.api.deploymentStage.stageArn,
        rateLimit: config.waf.rateLimit,
      });
    }
    fn.addPermission('InvokeFromApi', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: this.api.arnForExecuteApi('*', '/*', config.stage),
    });

    if (config.apiKeys !== undefined) {
      const plan = this.api.addUsagePlan('UsagePlan', {
        name: `${name}-plan`,
        throttle: config.apiKeys.throttle,
        quota: { limit: config.apiKeys.quotaPerDay, period: apigateway.Period.DAY },
      });
      plan.addApiStage({ stage: this.api.deploymentStage });
      plan.addApiKey(this.api.addApiKey('ApiKey', { apiKeyName: `${name}-key` }));
    }
  }
}
