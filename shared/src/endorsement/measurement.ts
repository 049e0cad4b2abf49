import type { MeasurementEvent } from '../standards/measure';
import type { EndorsementEventRecord, EndorsementRecord } from './model';
import type { EndorsementType } from './types';

/** Endorsement types that belong to another of the ten journeys than 保全变更. */
const JOURNEY_OF_TYPE: Partial<Record<EndorsementType, string>> = {
  policy_loan: 'policy_loan',
  loan_repayment: 'policy_loan',
  renewal_account_change: 'renewal_payment',
};

/**
 * What an endorsement's audit event tells the service standards (the measurement stream): the
 * same step, named `endorsement.<step>` — or `policy_loan.<step>` for a loan or its repayment
 * (保单贷款), `renewal_payment.<step>` for a change of the renewal debit account (续期缴费) — with the submission split by its path: `submitted_for_review` when it has
 * reasons for a staff review, `submitted_self_service` when it is approved at once. The event id is the audit
 * event's own key, so writing it again changes nothing.
 */
/** One application's case in the measurement stream (its audit events and its rating). */
export const endorsementCaseId = (applicationId: string) => `endorsement:${applicationId}`;

export function endorsementMeasurement(
  event: EndorsementEventRecord,
  application: Pick<EndorsementRecord, 'type' | 'branchPath' | 'policyNo' | 'reviewReasons'>,
): MeasurementEvent {
  const journey = JOURNEY_OF_TYPE[application.type] ?? 'endorsement';
  const step =
    event.type === 'submitted'
      ? application.reviewReasons.length > 0
        ? 'submitted_for_review'
        : 'submitted_self_service'
      : event.type;
  return {
    eventId: `endorsement:${event.applicationId}:${event.at}:${event.seq}`,
    type: `${journey}.${step}`,
    at: event.at,
    caseId: endorsementCaseId(event.applicationId),
    branchPath: application.branchPath,
    policyNo: application.policyNo,
    actor: event.actorUserId,
    source: 'system',
  };
}
