/**
 * The one Lambda function that answers every operation of openapi.yaml, with the role, log group
 * and page-token secret it needs and nothing else.
 */
import { CfnElement, Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';
import { dataRemovalPolicy, type StageConfig } from '../stage-config';
import { GradualDeployment } from './gradual-deployment';
import type { ItemsTable } from './items-table';

export interface ApiFunctionProps {
  /** The physical name prefix, `items-api-<stage>`; also the function's name. */
  readonly name: string;
  readonly config: Pick<
    StageConfig,
    | 'retainData'
    | 'logRetention'
    | 'corsOrigins'
    | 'logLevel'
    | 'provisionedConcurrency'
    | 'reservedConcurrency'
    | 'deployment'
  >;
  readonly table: ItemsTable;
  /** Directory holding the built Lambda bundle (`npm run build` → dist/lambda). */
  readonly codePath: string;
}

/** The API's function and what it runs with, created in `scope` itself (see ItemsApiStack). */
export class ApiFunction {
  readonly fn: lambda.Function;
  /** What API Gateway invokes: the `live` alias, which deployments move (and provisioned concurrency holds). */
  readonly target: lambda.IFunction;
  readonly alias: lambda.Alias;
  /** The CodeDeploy group that moves the alias, and the alarms that roll it back. */
  readonly deployment: GradualDeployment;

  constructor(scope: Construct, { name, config, table, codePath }: ApiFunctionProps) {
    const pageTokenSecret = new secretsmanager.Secret(scope, 'PageTokenSecret', {
      description: `Signs ${name} page tokens; rotating it invalidates outstanding nextTokens.`,
      // 64 characters from the base64 alphabet decode to 48 bytes of key.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: dataRemovalPolicy(config),
    });
    acknowledgeNag(
      pageTokenSecret,
      'AwsSolutions-SMG4',
      'An HMAC key for page tokens, not a credential: the function reads it once at deploy time (environment), and rotating it only invalidates outstanding nextTokens. Rotate by hand when needed (docs/operators.md); a rotation Lambda would add a function and a schedule for no security gain.',
    );

    const functionLogs = new logs.LogGroup(scope, 'FunctionLogs', {
      logGroupName: `/aws/lambda/${name}`,
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole, whose log permissions are on `*`.
    const role = new iam.Role(scope, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${name}: the items table, its own log group and X-Ray, nothing else`,
    });
    table.grantRepositoryAccess(role);
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${functionLogs.logGroupArn}:*`],
      }),
    );
    const logsElement = functionLogs.node.defaultChild;
    if (!(logsElement instanceof CfnElement)) throw new Error('FunctionLogs has no CloudFormation resource');
    acknowledgeNag(
      role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(scope).getLogicalId(logsElement)}.Arn>:*]`,
      "The log streams of the function's own log group: Lambda names a stream per container, so they cannot be listed in advance.",
    );

    this.fn = new lambda.Function(scope, 'Function', {
      functionName: name,
      description: 'Items API: every operation of openapi.yaml',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(codePath),
      handler: 'index.handler',
      // 512 MB: Lambda's CPU share grows with memory, and cold start (module loading) and JSON work
      // are CPU-bound. A starting point, unmeasured on AWS: tune with Lambda Power Tuning (docs/performance.md).
      memorySize: 512,
      // Well under API Gateway's 29 s: a DynamoDB call that has not answered in 10 s will not.
      timeout: Duration.seconds(10),
      role,
      logGroup: functionLogs,
      // One JSON object per line with the request id, filtered by level at the source.
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[config.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        TABLE_NAME: table.table.tableName,
        // Resolved by CloudFormation at deploy time: no Secrets Manager call on the cold-start path.
        PAGE_TOKEN_SECRET: SecretValue.secretsManager(pageTokenSecret.secretArn).unsafeUnwrap(),
        CORS_ALLOWED_ORIGINS: config.corsOrigins.join(','),
      },
      // Unreserved unless the stage asks: the stage throttle bounds the load; reserved concurrency
      // both caps this function and guarantees it that share of the account's pool.
      ...(config.reservedConcurrency !== undefined && {
        reservedConcurrentExecutions: config.reservedConcurrency,
      }),
    });
    acknowledgeNag(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by tracing: ACTIVE).',
    );

    // A new version per code or configuration change; the `live` alias is what API Gateway invokes,
    // and CodeDeploy moves it to the new version as the stage's deployment mode says (with
    // provisioned concurrency, Lambda readies the new version's environments first).
    const provisioned = config.provisionedConcurrency;
    this.alias = new lambda.Alias(scope, 'FunctionLiveAlias', {
      aliasName: 'live',
      version: this.fn.currentVersion,
      ...(provisioned !== undefined && { provisionedConcurrentExecutions: provisioned.min }),
    });
    if (provisioned !== undefined) {
      this.alias
        .addAutoScaling({ minCapacity: provisioned.min, maxCapacity: provisioned.max })
        .scaleOnUtilization({ utilizationTarget: provisioned.utilization });
    }
    this.target = this.alias;
    this.deployment = new GradualDeployment(scope, { name, alias: this.alias, mode: config.deployment });
  }
}
