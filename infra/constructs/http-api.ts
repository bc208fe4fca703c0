/**
 * The API Gateway HTTP API (v2) imported from openapi.yaml with HTTP API extensions added
 * (http-api-definition.ts): its `$default` stage with throttling and JSON access logs, the
 * function's invoke permission, its metrics for the alarms and the dashboard, and, when the
 * gateway verifies bearer tokens, its JWT authorizer (otherwise the function does; see ItemsApiStack).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Json } from '../../src/spec/openapi-document';
import { withHttpApiExtensions } from '../http-api-definition';
import type { StageConfig } from '../stage-config';
import type { GatewayMetrics } from './gateway-metrics';

export interface HttpApiProps {
  /** The physical name prefix, `items-api-<stage>`; also the API's name. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'corsOrigins' | 'throttle' | 'logRetention'>;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** The function (or alias) every route is integrated with. */
  readonly fn: lambda.IFunction;
  /**
   * The issuer and audiences for the gateway's JWT authorizer (`-c httpAuthorizer=jwt`); absent,
   * routes have no gateway authorizer and the function verifies tokens itself.
   */
  readonly jwtAuthorizer?: { readonly issuer: string; readonly audience: readonly string[] };
}

/** One field per context variable AWS documents for HTTP API access logs, as JSON. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
});

/** The HTTP API, created in `scope` itself (see ItemsApiStack). */
export class HttpApi implements GatewayMetrics {
  readonly api: apigatewayv2.CfnApi;
  readonly stage: apigatewayv2.CfnStage;
  /** The base URL: the `$default` stage has no path of its own. */
  readonly url: string;

  constructor(scope: Construct, { name, config, spec, fn, jwtAuthorizer }: HttpApiProps) {
    const accessLogs = new logs.LogGroup(scope, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${name}/access`,
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const { partition, region, account } = Stack.of(scope);
    const integrationUri = `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
    this.api = new apigatewayv2.CfnApi(scope, 'HttpApi', {
      name,
      body: withHttpApiExtensions(spec, {
        integrationUri,
        corsOrigins: config.corsOrigins,
        ...(jwtAuthorizer !== undefined && { jwtAuthorizer }),
      }),
      // A warning (an extension the import does not understand) fails the deploy instead of
      // silently dropping that part of the definition.
      failOnWarnings: true,
    });
    this.stage = new apigatewayv2.CfnStage(scope, 'HttpApiStage', {
      apiId: this.api.ref,
      // $default: no stage segment in the URL, so rawPath is the spec's path.
      stageName: '$default',
      autoDeploy: true,
      defaultRouteSettings: {
        throttlingRateLimit: config.throttle.rateLimit,
        throttlingBurstLimit: config.throttle.burstLimit,
        detailedMetricsEnabled: true,
      },
      accessLogSettings: { destinationArn: accessLogs.logGroupArn, format: ACCESS_LOG_FORMAT },
    });
    this.url = this.api.attrApiEndpoint;
    fn.addPermission('InvokeFromApi', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: `arn:${partition}:execute-api:${region}:${account}:${this.api.ref}/*`,
    });
  }

  /** Requests, per period when summed. */
  metricCount(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('Count', props);
  }

  /** From the gateway calling the function to its answer, in milliseconds. */
  metricIntegrationLatency(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('IntegrationLatency', props);
  }

  /** 5xx answers (the function's and the gateway's), per request when averaged. */
  metricServerError(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('5xx', props);
  }

  /** 4xx answers, per request when averaged. */
  metricClientError(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('4xx', props);
  }

  /** From the gateway receiving a request to returning its answer, in milliseconds. */
  metricLatency(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('Latency', props);
  }

  private metric(metricName: string, props: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: this.api.ref },
      period: Duration.minutes(5),
      ...props,
    });
  }
}
