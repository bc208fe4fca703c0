/**
 * The gateway metrics the alarms and the dashboard read, named as the REST API construct names
 * them; the HTTP API construct (./http-api.ts) offers the same methods on its own metrics.
 */
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';

export type GatewayMetrics = Pick<
  apigateway.RestApiBase,
  'metricCount' | 'metricClientError' | 'metricServerError' | 'metricLatency' | 'metricIntegrationLatency'
>;
