/**
 * The alarms that say the API is unwell: 5xx rate, p99 latency, function errors and throttles,
 * table throttles; sent to an SNS topic with an email subscription when the stage names an address.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage-config';
import type { GatewayMetrics } from './gateway-metrics';
import { REPOSITORY_OPERATIONS } from './items-table';

export interface AlarmsProps {
  /** The physical name prefix, `items-api-<stage>`; alarm names are `<name>-<suffix>`. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'alarmEmail'>;
  /** The REST API, or the HTTP API's construct: the alarms need only these two metrics. */
  readonly api: Pick<GatewayMetrics, 'metricServerError' | 'metricLatency'>;
  readonly fn: lambda.IFunction;
  readonly table: dynamodb.ITable;
  /**
   * The 4xx rate, averaged: alarmed for the HTTP API, whose function answers unauthenticated and
   * unknown-route calls itself, so a flood of them shows here first.
   */
  readonly clientErrors?: cloudwatch.IMetric;
  /** Alarms of other constructs (the media dead-letter queue's) that notify the same topic. */
  readonly others?: readonly cloudwatch.Alarm[];
}

/** The API's alarms (and their topic), created in `scope` itself (see ItemsApiStack). */
export class Alarms {
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, { name, config, api, fn, table, clientErrors, others = [] }: AlarmsProps) {
    const period = Duration.minutes(5);
    const alarm = (
      id: string,
      suffix: string,
      description: string,
      metric: cloudwatch.IMetric,
      threshold: number,
      options: Partial<cloudwatch.AlarmProps> = {},
    ) =>
      new cloudwatch.Alarm(scope, id, {
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
    this.alarms = [
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
        table.metricThrottledRequestsForOperations({ operations: [...REPOSITORY_OPERATIONS], period }),
        1,
      ),
      ...(clientErrors === undefined
        ? []
        : [
            alarm(
              'Api4xxRate',
              '4xx-rate',
              'More than 25% of requests answered 4xx over 5 minutes',
              clientErrors,
              0.25,
              { comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD },
            ),
          ]),
      ...others,
    ];
    if (config.alarmEmail !== undefined) {
      const topic = new sns.Topic(scope, 'AlarmTopic', { topicName: `${name}-alarms`, enforceSSL: true });
      topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
      for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
  }
}
