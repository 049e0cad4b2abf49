import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BusinessCount, BusinessGauge, BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';

/** CloudWatch namespace of the business metrics; the dashboard in serverless.yml reads the same. */
export const METRICS_NAMESPACE = 'ZhixiangKefu';
/** The `service` dimension of every business metric (Powertools adds it), as in serverless.yml. */
export const METRICS_SERVICE = 'zhixiang-kefu';

/** The business metrics of one process, and the flush that writes an invocation's figures. */
export interface ProcessMetrics extends BusinessMetrics {
  /** Writes what this invocation recorded, once, then starts empty; nothing recorded writes nothing. */
  flush(): void;
}

/**
 * Business metrics through Powertools Metrics: recorded in memory during an invocation and
 * written as one CloudWatch Embedded Metric Format line on flush (no API call; CloudWatch Logs
 * extracts the metrics). Dimensions: `service` and `stage`. The local stage and the tests set
 * `POWERTOOLS_METRICS_DISABLED=true` (functions/local/local-env.ts), which Powertools honours by
 * writing nothing.
 */
export function createBusinessMetrics(stage: string): ProcessMetrics {
  const metrics = new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: METRICS_SERVICE,
    defaultDimensions: { stage },
  });
  return {
    count: (name: BusinessCount) => metrics.addMetric(name, MetricUnit.Count, 1),
    gauge: (name: BusinessGauge, value: number) => metrics.addMetric(name, MetricUnit.Count, value),
    flush: () => {
      // Powertools warns on every flush without metrics; most invocations record none.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}
