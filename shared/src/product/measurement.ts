import { type MeasurementEvent, timedMeasurements } from '../standards/measure';

/**
 * A product search as the service standards measure it (信息获取): `information.product_search_received`
 * when the request arrived and `information.product_search_answered` when the results were ready,
 * one case per request (`product_search:<requestId>`). Every search is measured, none sampled.
 */
export function productSearchMeasurements(search: {
  requestId: string;
  receivedAt: number;
  answeredAt: number;
  branchPath: string | null;
  actor: string;
}): [MeasurementEvent, MeasurementEvent] {
  return timedMeasurements({
    caseId: `product_search:${search.requestId}`,
    start: { type: 'information.product_search_received', at: search.receivedAt },
    stop: { type: 'information.product_search_answered', at: search.answeredAt },
    branchPath: search.branchPath,
    actor: search.actor,
  });
}
