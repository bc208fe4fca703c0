import type { Config } from '../../config';
import { isRecordWriter, type Logger, type RecordWriter } from '../../logger';
import { accessLogMiddleware } from './access-log';
import type { Middleware } from './chain';
import { metricsRecorder } from './metrics';
import { responseValidationMiddleware } from './response-validation';

/**
 * The observability middleware, outermost first: the one line per request (access log and EMF
 * metrics in one JSON object, carrying what the inner ones counted; METRICS_DISABLED leaves out
 * the metrics) and shadow-mode response validation (left out when its sample rate is 0). The same
 * chain runs on Lambda and under `npm start`.
 */
export function observabilityMiddleware(config: Config, logger: Logger): Middleware[] {
  const metrics = metricsRecorder(config.metricsNamespace);
  const records = recordsOf(logger);
  // With neither access lines (LOG_LEVEL above info) nor metrics, there is nothing to time or write.
  const writesLines = config.metricsEnabled || records.enabled('info');
  return [
    ...(writesLines ? [accessLogMiddleware({ records, ...(config.metricsEnabled && { metrics }) })] : []),
    ...(config.responseValidationSampleRate > 0
      ? [
          responseValidationMiddleware({
            sampleRate: config.responseValidationSampleRate,
            logger,
            count: metrics.count,
          }),
        ]
      : []),
  ];
}

/**
 * The JSON logger writes the line it is given; a plain Logger (a test's, say) gets the access
 * record as fields, without the metric members, which only a JSON line can carry.
 */
function recordsOf(logger: Logger): RecordWriter {
  if (isRecordWriter(logger)) return logger;
  return { enabled: () => true, write: (level, message, fields) => logger[level](message, fields) };
}
