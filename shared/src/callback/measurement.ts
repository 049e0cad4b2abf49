import type { CallbackBookingRecord } from '../ports/callback-bookings';
import type { MeasurementEvent } from '../standards/measure';

/**
 * The new-policy callback as the service standards measure it: one case per policy, opened by the
 * policy administration system (ingestion source `policy_admin`, case id = the policy number) with
 * `new_policy_callback.receipt_signed` — the holder signed the receipt and the cooling-off period
 * began — and stopped by ours, `new_policy_callback.completed`, when the callback reached the
 * holder, by phone or online, whether every point was confirmed or a problem case was raised. The
 * case lives in the namespace of the system that opened it, as every ingested case does. An
 * unreachable call stops nothing: the case stays open.
 */
export const CALLBACK_CASE_SOURCE = 'policy_admin';
export const callbackCaseId = (policyNo: string) => `${CALLBACK_CASE_SOURCE}:${policyNo}`;

export function callbackMeasurement(booking: CallbackBookingRecord): MeasurementEvent | null {
  if (!booking.outcome || (booking.status !== 'completed' && booking.status !== 'problem')) return null;
  return {
    // One completion per policy: writing it again changes nothing.
    eventId: `new_policy_callback.completed:${booking.policyNo}`,
    type: 'new_policy_callback.completed',
    at: booking.outcome.recordedAt,
    caseId: callbackCaseId(booking.policyNo),
    branchPath: booking.branchPath,
    policyNo: booking.policyNo,
    actor: booking.outcome.recordedBy,
    source: 'system',
  };
}
