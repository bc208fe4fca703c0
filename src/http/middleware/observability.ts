import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Middleware } from '../middleware';
import { accessLogMiddleware } from './access-log';
import { metricsMiddleware } from './metrics';
import { responseValidationMiddleware } from './response-validation';

/**
 * The observability middleware, outermost first: EMF metrics (one line per invocation, carrying
 * what the inner ones counted), the access line, and shadow-mode response validation (left out
 * when its sample rate is 0; METRICS_DISABLED leaves out the metrics). The same chain runs on Lambda and under `npm start`.
 */
export function observabilityMiddleware(config: Config, logger: Logger): Middleware[] {
  const metrics = metricsMiddleware({ namespace: config.metricsNamespace });
  return [
    ...(config.metricsEnabled ? [metrics.middleware] : []),
    accessLogMiddleware(logger),
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
