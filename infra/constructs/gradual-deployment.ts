/**
 * Deploys that cannot take the API down: CodeDeploy moves the `live` alias to a new version of the
 * function gradually (canary: 10 % for 5 minutes; linear: 10 % more each minute; or all at once),
 * and rolls it back on its own when the new version's errors or latency alarm during the shift.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';
import type { DeploymentMode } from '../stage-config';

const DEPLOYMENT_CONFIGS: Readonly<Record<DeploymentMode, codedeploy.ILambdaDeploymentConfig>> = {
  canary: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  linear: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
  'all-at-once': codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE,
};

/** p99 of the alias above this during a shift rolls it back: the DynamoDB deadline is 3 s. */
const LATENCY_ROLLBACK_MS = 3000;

export interface GradualDeploymentProps {
  /** The physical name prefix, `items-api-<stage>`; alarm names are `<name>-deployment-<what>`. */
  readonly name: string;
  readonly alias: lambda.Alias;
  readonly mode: DeploymentMode;
}

export class GradualDeployment {
  readonly group: codedeploy.LambdaDeploymentGroup;
  /** The alarms that roll a deployment back, also shown on the dashboard. */
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, { name, alias, mode }: GradualDeploymentProps) {
    const period = Duration.minutes(1);
    const errors = new cloudwatch.Alarm(scope, 'DeploymentErrorsAlarm', {
      alarmName: `${name}-deployment-errors`,
      alarmDescription:
        'The live alias failed invocations (unhandled errors, timeouts): a deployment in progress rolls back.',
      metric: alias.metricErrors({ period, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const latency = new cloudwatch.Alarm(scope, 'DeploymentLatencyAlarm', {
      alarmName: `${name}-deployment-latency`,
      alarmDescription: `The live alias's p99 duration is over ${LATENCY_ROLLBACK_MS} ms: a deployment in progress rolls back.`,
      metric: alias.metricDuration({ period, statistic: 'p99' }),
      threshold: LATENCY_ROLLBACK_MS,
      evaluationPeriods: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [errors, latency];
    this.group = new codedeploy.LambdaDeploymentGroup(scope, 'DeploymentGroup', {
      deploymentGroupName: `${name}-api`,
      alias,
      deploymentConfig: DEPLOYMENT_CONFIGS[mode],
      alarms: [errors, latency],
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    acknowledgeNag(
      this.group,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      "CodeDeploy's own service role for Lambda deployments, with AWS's limited managed policy: it may only read the alarms, invoke hooks named CodeDeployHook_* and move the function's aliases.",
    );
  }
}
