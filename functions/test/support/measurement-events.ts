import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import type { MeasurementStream } from '../../src/platform/measurement/measurement-stream';

/** Every event of the measurement stream in `[fromMs, toMs)`, its pages read and joined. */
export async function measurementEventsBetween(
  stream: Pick<MeasurementStream, 'pagesBetween'>,
  fromMs: number,
  toMs: number,
): Promise<MeasurementEvent[]> {
  const events: MeasurementEvent[] = [];
  for await (const page of stream.pagesBetween(fromMs, toMs)) events.push(...page);
  return events;
}
