import { AppError } from '@zhixiang/shared/errors';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { RATING_EVENTS } from '@zhixiang/shared/standards/ratings';
import type { IngestRequestSchema } from '@zhixiang/shared/standards/schemas';
import type * as z from 'zod/mini';
import type { StandardsUseCaseDeps } from './standards-access';

/** An event may be reported up to this long after "now" (the sender's clock may run ahead). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Events of journeys this system does not serve (理赔, 满期/生存给付, 投保 outside the mini program),
 * sent by the insurer's other systems, once each: the whole batch is checked before anything is
 * written, ids and cases are namespaced by the sending system, and a repeated event id is counted,
 * not written again.
 */
export async function ingestStandardEvents(
  deps: { measurements: Pick<StandardsUseCaseDeps['measurements'], 'publish'>; now: () => number },
  body: z.infer<typeof IngestRequestSchema>,
): Promise<{ accepted: number; repeated: number }> {
  const now = deps.now();
  const events: MeasurementEvent[] = body.events.map((e, i) => {
    const at = Date.parse(e.at);
    if (at > now + FUTURE_SKEW_MS)
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个事件的发生时间晚于当前时间，请检查发送方时钟`, {
        field: `events.${i}.at`,
      });
    const rating = e.type in RATING_EVENTS;
    if (rating && e.score === undefined)
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个事件是满意度评价，请填写 1–5 的评分`, {
        field: `events.${i}.score`,
      });
    if (!rating && e.score !== undefined)
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个事件不是满意度评价，不能带评分`, {
        field: `events.${i}.score`,
      });
    return {
      eventId: `${body.source}:${e.eventId}`,
      type: e.type,
      at,
      caseId: `${body.source}:${e.caseId}`,
      branchPath: e.branchPath,
      policyNo: e.policyNo ?? null,
      actor: body.source,
      source: 'ingested',
      ...(e.score === undefined ? {} : { score: e.score }),
    };
  });
  const ids = new Set(events.map((e) => e.eventId));
  if (ids.size !== events.length)
    throw new AppError('VALIDATION_FAILED', '同一批次中事件编号重复，请去重后重新提交', { field: 'events' });
  let accepted = 0;
  for (const event of events) if (await deps.measurements.publish(event)) accepted += 1;
  return { accepted, repeated: events.length - accepted };
}
