import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { ITEMS_TABLE } from '../src/storage/dynamodb/table-design';
import { withAwsExtensions } from './api-definition';
import type { StageConfig } from './stage-config';

export interface ItemsApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Record<string, unknown>;
  /** Directory holding the built Lambda bundle (`npm run build` → dist/lambda). */
  readonly lambdaCodePath: string;
}

/** The DynamoDB actions the repository calls, and no others. */
export const FUNCTION_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
];

export class ItemsApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ItemsApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `items-api-${config.stage}`;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const retention = config.logRetention;

    const table = new dynamodb.Table(this, 'Items', {
      tableName: `${name}-items`,
      partitionKey: { name: ITEMS_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: ITEMS_TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS-owned key: encrypted at rest at no cost and with no KMS permissions for the function.
      encryption: dynamodb.TableEncryption.DEFAULT,
      deletionProtection: config.retainData,
      removalPolicy,
    });
    table.addGlobalSecondaryIndex({
      indexName: ITEMS_TABLE.statusIndex.name,
      partitionKey: { name: ITEMS_TABLE.statusIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: ITEMS_TABLE.statusIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    const pageTokenSecret = new secretsmanager.Secret(this, 'PageTokenSecret', {
      description: `Signs ${name} page tokens; rotating it invalidates outstanding nextTokens.`,
      // 64 characters from the base64 alphabet decode to 48 bytes of key.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });

    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', {
      logGroupName: `/aws/lambda/${name}`,
      retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole, whose log permissions are on `*`.
    const role = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${name}: the items table and its own log group, nothing else`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: FUNCTION_TABLE_ACTIONS,
        resources: [table.tableArn, `${table.tableArn}/index/${ITEMS_TABLE.statusIndex.name}`],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${functionLogs.logGroupArn}:*`],
      }),
    );

    const fn = new lambda.Function(this, 'Function', {
      functionName: name,
      description: 'Items API: every operation of openapi.yaml',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(props.lambdaCodePath),
      handler: 'index.handler',
      // 512 MB: Lambda's CPU share grows with memory, and cold start (module loading) and JSON work
      // are CPU-bound. A starting point, unmeasured on AWS: tune with Lambda Power Tuning (README).
      memorySize: 512,
      // Well under API Gateway's 29 s: a DynamoDB call that has not answered in 10 s will not.
      timeout: Duration.seconds(10),
      role,
      logGroup: functionLogs,
      environment: {
        TABLE_NAME: table.tableName,
        // Resolved by CloudFormation at deploy time: no Secrets Manager call on the cold-start path.
        PAGE_TOKEN_SECRET: SecretValue.secretsManager(pageTokenSecret.secretArn).unsafeUnwrap(),
        CORS_ALLOWED_ORIGINS: config.corsOrigins.join(','),
      },
      // Default (unreserved) concurrency: the stage throttle bounds the load instead.
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${name}/access`,
      retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const userPool = this.userPool(name, config, removalPolicy);

    const integrationUri = `arn:${this.partition}:apigateway:${this.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
    const api = new apigateway.SpecRestApi(this, 'Api', {
      restApiName: name,
      apiDefinition: apigateway.ApiDefinition.fromInline(
        withAwsExtensions(props.spec, { integrationUri, stage: config, userPoolArn: userPool.userPoolArn }),
      ),
      endpointTypes: [apigateway.EndpointType.REGIONAL],
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
      sourceArn: api.arnForExecuteApi('*', '/*', config.stage),
    });

    if (config.apiKeys !== undefined) {
      const plan = api.addUsagePlan('UsagePlan', {
        name: `${name}-plan`,
        throttle: config.apiKeys.throttle,
        quota: { limit: config.apiKeys.quotaPerDay, period: apigateway.Period.DAY },
      });
      plan.addApiStage({ stage: api.deploymentStage });
      plan.addApiKey(api.addApiKey('ApiKey', { apiKeyName: `${name}-key` }));
    }

    this.addAlarms(name, api, fn, table, config);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the API stage' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  /** The identity provider whose ID tokens the gateway accepts: an existing pool, or a new one. */
  private userPool(name: string, config: StageConfig, removalPolicy: RemovalPolicy): cognito.IUserPool {
    if (config.userPoolArn !== undefined)
      return cognito.UserPool.fromUserPoolArn(this, 'UserPool', config.userPoolArn);
    const pool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${name}-users`,
      // Users are invited by an operator (or a later sign-up flow), not self-registered.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: { minLength: 12, requireSymbols: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy,
    });
    const client = pool.addClient('WebClient', {
      userPoolClientName: `${name}-web`,
      // SRP for browsers; password auth so operators can get a token from the CLI (README).
      authFlows: { userSrp: true, userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
    });
    new CfnOutput(this, 'UserPoolId', { value: pool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    return pool;
  }

  private addAlarms(
    name: string,
    api: apigateway.SpecRestApi,
    fn: lambda.Function,
    table: dynamodb.Table,
    config: StageConfig,
  ): void {
    const period = Duration.minutes(5);
    const alarm = (
      id: string,
      suffix: string,
      description: string,
      metric: cloudwatch.IMetric,
      threshold: number,
      options: Partial<cloudwatch.AlarmProps> = {},
    ) =>
      new cloudwatch.Alarm(this, id, {
        alarmName: `${name}-${suffix}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not an outage.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...options,
      });
    const tableOperations = [
      dynamodb.Operation.GET_ITEM,
      dynamodb.Operation.PUT_ITEM,
      dynamodb.Operation.UPDATE_ITEM,
      dynamodb.Operation.DELETE_ITEM,
      dynamodb.Operation.QUERY,
    ];
    const alarms = [
      alarm(
        'Api5xxRate',
        '5xx-rate',
        'More than 1% of requests answered 5xx over 5 minutes',
        api.metricServerError({ period, statistic: cloudwatch.Stats.AVERAGE }),
        0.01,
        { comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD },
      ),
      alarm(
        'ApiLatencyP99',
        'latency-p99',
        'p99 latency above 1 s for 3 of 5 minutes',
        api.metricLatency({ period: Duration.minutes(1), statistic: cloudwatch.Stats.p(99) }),
        1000,
        {
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        },
      ),
      alarm(
        'FunctionErrors',
        'function-errors',
        'The function failed (crashed or timed out) at least 5 times in 5 minutes',
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
        5,
      ),
      alarm(
        'FunctionThrottles',
        'function-throttles',
        'Lambda throttled invocations (account concurrency exhausted)',
        fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
        1,
      ),
      alarm(
        'TableThrottles',
        'dynamodb-throttles',
        'DynamoDB throttled requests on the items table',
        table.metricThrottledRequestsForOperations({ operations: tableOperations, period }),
        1,
      ),
    ];
    if (config.alarmEmail !== undefined) {
      const topic = new sns.Topic(this, 'AlarmTopic', { topicName: `${name}-alarms` });
      topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
      for (const alarm of alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
  }
}
