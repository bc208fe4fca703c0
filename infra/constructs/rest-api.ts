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
import type { StageConfig } from '../stage-config';

export interface RestApiProps {
  /** The physical name prefix, `items-api-<stage>`; also the API's name. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'stage' | 'corsOrigins' | 'apiKeys' | 'throttle' | 'logRetention'>;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** The function every operation is integrated with. */
  readonly fn: lambda.IFunction;
  /** The pool whose ID tokens the authorizer accepts for the spec's bearer scheme. */
  readonly userPool: cognito.IUserPool;
}

/** The API Gateway REST API, created in `scope` itself (see ItemsApiStack). */
export class RestApi {
  readonly api: apigateway.SpecRestApi;

  constructor(scope: Construct, { name, config, spec, fn, userPool }: RestApiProps) {
    const accessLogs = new logs.LogGroup(scope, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${name}/access`,
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const { partition, region } = Stack.of(scope);
    const integrationUri = `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
    this.api = new apigateway.SpecRestApi(scope, 'Api', {
      restApiName: name,
      apiDefinition: apigateway.ApiDefinition.fromInline(
        withAwsExtensions(spec, { integrationUri, stage: config, userPoolArn: userPool.userPoolArn }),
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
      },
      cloudWatchRole: false,
    });
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
