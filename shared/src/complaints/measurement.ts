import type { ComplaintEventRecord, ComplaintRecord } from '../ports/complaints';
import type { MeasurementEvent } from '../standards/measure';

/**
 * What a complaint's audit event tells the service standards (the measurement stream): the same
 * step, `complaint.<step>`, except receipt, which names the severity it was received with
 * (`complaint.received_urgent` / `complaint.received_ordinary`) so a standard for urgent complaints
 * starts only on those. The event id is the audit event's own key: writing it again changes nothing.
 */
export function complaintMeasurement(
  event: ComplaintEventRecord,
  complaint: ComplaintRecord,
): MeasurementEvent {
  return {
    eventId: `complaint:${event.complaintId}:${event.seq}`,
    type: event.type === 'received' ? `complaint.received_${complaint.severity}` : `complaint.${event.type}`,
    at: Date.parse(event.at),
    caseId: `complaint:${event.complaintId}`,
    branchPath: complaint.branchPath,
    policyNo: complaint.policyNo,
    actor: event.actorId,
    source: 'system',
    // The complainant's rating carries its score into the standards report.
    ...(event.type === 'rated' && complaint.rating ? { score: complaint.rating.score } : {}),
  };
}
