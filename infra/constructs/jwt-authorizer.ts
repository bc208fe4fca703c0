/**
 * The Lambda TOKEN authorizer for `-c authorizer=jwt` (src/entries/authorizer.ts): verifies bearer tokens of
 * any OIDC issuer through its JWKS. A new resource, so an ordinary child construct.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';
import type { AuthorizerConfig, StageConfig } from '../stage-config';

export interface JwtAuthorizerProps {
  /** The physical name prefix, `items-api-<stage>`; the function is `<name>-authorizer`. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'logRetention' | 'logLevel'>;
  readonly authorizer: Extract<AuthorizerConfig, { kind: 'jwt' }>;
  /** Directory holding the built authorizer bundle (`npm run build` → dist/authorizer). */
  readonly codePath: string;
}

export class JwtAuthorizer extends Construct {
  readonly fn: lambda.Function;

  constructor(scope: Construct, id: string, { name, config, authorizer, codePath }: JwtAuthorizerProps) {
    super(scope, id);
    const functionName = `${name}-authorizer`;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${functionName}: its own log group and X-Ray, nothing else`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroup.logGroupArn}:*`],
      }),
    );
    this.fn = new lambda.Function(this, 'Function', {
      functionName,
      description: `Items API: verifies bearer tokens from ${authorizer.issuer}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(codePath),
      handler: 'index.handler',
      // Signature checks are CPU work; the JWKS fetch happens once per container.
      memorySize: 256,
      timeout: Duration.seconds(5),
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[config.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        JWT_ISSUER: authorizer.issuer,
        JWT_AUDIENCE: authorizer.audience.join(','),
        ...(authorizer.jwksUri !== undefined && { JWT_JWKS_URI: authorizer.jwksUri }),
      },
    });
    const logsElement = logGroup.node.defaultChild;
    if (!(logsElement instanceof logs.CfnLogGroup))
      throw new Error('the log group has no CloudFormation resource');
    acknowledgeNag(
      role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(logsElement)}.Arn>:*]`,
      "The log streams of the authorizer's own log group: Lambda names a stream per container.",
    );
    acknowledgeNag(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by tracing: ACTIVE).',
    );
  }

  /** Lets API Gateway invoke the authorizer for any authorizer of `api` (the ID exists only after deploy). */
  allowInvokeFrom(restApiId: string): void {
    this.fn.addPermission('InvokeFromApiGateway', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(this).formatArn({
        service: 'execute-api',
        resource: restApiId,
        resourceName: 'authorizers/*',
      }),
    });
  }
}
