/**
 * One CloudWatch dashboard for the API: per-operation figures from the function's EMF metrics
 * (namespace `ItemsApi`, dimension `Operation` = operationId, one line per operation of
 * generated/routes.ts), the gateway's errors and latency, the function's errors, throttles and
 * duration, and the state of every alarm.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { operations } from '../../generated/routes';
import type { GatewayMetrics } from './gateway-metrics';

/** The EMF namespace and metric names the function writes (issue 13). */
export const APP_METRICS = {
  namespace: 'ItemsApi',
  dimension: 'Operation',
  requests: 'Requests',
  latency: 'Latency',
  clientErrors: '4xx',
  serverErrors: '5xx',
} as const;

export const OPERATION_IDS: readonly string[] = operations.map(({ operationId }) => operationId);

export interface DashboardProps {
  /** The physical name prefix, `items-api-<stage>`; also the dashboard's name. */
  readonly name: string;
  /** The REST API or the HTTP API construct: the dashboard reads only their metrics. */
  readonly api: GatewayMetrics;
  readonly fn: lambda.IFunction;
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** The stage's web ACL, where there is one: its blocked requests per rule. */
  readonly waf?: { readonly aclName: string; readonly ruleMetrics: readonly string[] } | undefined;
}

export class Dashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, { name, api, fn, alarms, waf }: DashboardProps) {
    super(scope, id);
    const period = Duration.minutes(1);
    const perOperation = (metricName: string, statistic: string) =>
      OPERATION_IDS.map(
        (operation) =>
          new cloudwatch.Metric({
            namespace: APP_METRICS.namespace,
            metricName,
            dimensionsMap: { [APP_METRICS.dimension]: operation },
            statistic,
            period,
            label: operation,
          }),
      );
    const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
      new cloudwatch.GraphWidget({ title, left, width, height: 6 });

    this.dashboard = new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: name,
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          new cloudwatch.TextWidget({
            markdown: `# ${name}\nPer operation from the function's EMF metrics (\`${APP_METRICS.namespace}\`), then the gateway and the function as AWS sees them.`,
            width: 24,
            height: 2,
          }),
        ],
        [
          graph('Requests by operation', perOperation(APP_METRICS.requests, cloudwatch.Stats.SUM), 6),
          graph(
            'Latency p99 by operation (ms)',
            perOperation(APP_METRICS.latency, cloudwatch.Stats.p(99)),
            6,
          ),
          graph('4xx by operation', perOperation(APP_METRICS.clientErrors, cloudwatch.Stats.SUM), 6),
          graph('5xx by operation', perOperation(APP_METRICS.serverErrors, cloudwatch.Stats.SUM), 6),
        ],
        [
          graph('Gateway requests and errors', [
            api.metricCount({ period, statistic: cloudwatch.Stats.SUM }),
            api.metricClientError({ period, statistic: cloudwatch.Stats.SUM }),
            api.metricServerError({ period, statistic: cloudwatch.Stats.SUM }),
          ]),
          graph('Gateway latency (ms)', [
            api.metricLatency({ period, statistic: cloudwatch.Stats.p(50) }),
            api.metricLatency({ period, statistic: cloudwatch.Stats.p(99) }),
            api.metricIntegrationLatency({ period, statistic: cloudwatch.Stats.p(99) }),
          ]),
          graph('Function errors and throttles', [
            fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
            fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
          ]),
        ],
        [
          graph(
            'Function duration (ms)',
            [
              fn.metricDuration({ period, statistic: cloudwatch.Stats.p(50) }),
              fn.metricDuration({ period, statistic: cloudwatch.Stats.p(99) }),
            ],
            12,
          ),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 12, height: 6 }),
        ],
        ...(waf === undefined
          ? []
          : [
              [
                graph(
                  'WAF blocked requests by rule',
                  waf.ruleMetrics.map(
                    (rule) =>
                      new cloudwatch.Metric({
                        namespace: 'AWS/WAFV2',
                        metricName: 'BlockedRequests',
                        dimensionsMap: { WebACL: waf.aclName, Region: Stack.of(this).region, Rule: rule },
                        statistic: cloudwatch.Stats.SUM,
                        period,
                        label: rule,
                      }),
                  ),
                  24,
                ),
              ],
            ]),
      ],
    });
  }
}
