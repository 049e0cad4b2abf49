import type { BusinessCount, BusinessGauge } from '@zhixiang/shared/ports/business-metrics';
import type { ProcessMetrics } from '../../src/platform/metrics/business-metrics';

/**
 * Business metrics that remember what was recorded and how often the wrappers flushed, for tests
 * that a use case counts its event once (pass it as `metrics` to createSystem).
 */
export interface RecordingMetrics extends ProcessMetrics {
  /** How many times `name` was counted since the start (or the last reset). */
  counted(name: BusinessCount): number;
  /** Every gauge value of `name`, in order. */
  gauged(name: BusinessGauge): number[];
  flushes(): number;
  reset(): void;
}

export function recordingMetrics(): RecordingMetrics {
  let counts: BusinessCount[] = [];
  let gauges: { name: BusinessGauge; value: number }[] = [];
  let flushes = 0;
  return {
    count: (name) => void counts.push(name),
    gauge: (name, value) => void gauges.push({ name, value }),
    flush: () => {
      flushes += 1;
    },
    counted: (name) => counts.filter((counted) => counted === name).length,
    gauged: (name) => gauges.filter((g) => g.name === name).map((g) => g.value),
    flushes: () => flushes,
    reset: () => {
      counts = [];
      gauges = [];
      flushes = 0;
    },
  };
}
