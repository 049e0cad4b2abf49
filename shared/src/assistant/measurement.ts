import type { HandoffRecord } from '../ports/handoffs';
import { type MeasurementEvent, ROOT_BRANCH_PATH, timedMeasurements } from '../standards/measure';

/**
 * The assistant and its handoffs as the service standards measure them (咨询):
 *
 * - a conversation's first answer: `consultation.assistant_asked` when the request arrived and
 *   `consultation.assistant_answered` when the answer was ready, one case per conversation
 *   (`assistant:<conversationId>`), written with the conversation's first turn;
 * - a handoff to a person: `consultation.handoff_requested` when the customer asked (the
 *   handoff's creation) and `consultation.handoff_answered` when a staff member took it (the
 *   claim), one case per handoff (`handoff:<handoffId>`), each written with the handoff's own write.
 *
 * Event ids are the case id with `:start` or `:stop` (`timedMeasurements`): a handoff is created
 * once and claimed once, a conversation has one first turn, so writing one again changes nothing.
 */
export function firstAnswerMeasurements(answer: {
  conversationId: string;
  askedAt: number;
  answeredAt: number;
  /** The signed-in customer's branch; null for a visitor (the root). */
  branchPath: string | null;
  /** The user id, or `visitor`. */
  actor: string;
}): [MeasurementEvent, MeasurementEvent] {
  return timedMeasurements({
    caseId: `assistant:${answer.conversationId}`,
    start: { type: 'consultation.assistant_asked', at: answer.askedAt },
    stop: { type: 'consultation.assistant_answered', at: answer.answeredAt },
    branchPath: answer.branchPath,
    actor: answer.actor,
  });
}

/** One handoff's case in the measurement stream (its request, its answer and its rating). */
export const handoffCaseId = (handoffId: string) => `handoff:${handoffId}`;

function handoffEvent(
  handoff: Pick<HandoffRecord, 'handoffId' | 'branchPath'>,
  step: 'handoff_requested' | 'handoff_answered',
  at: number,
  actor: string,
): MeasurementEvent {
  return {
    eventId: `${handoffCaseId(handoff.handoffId)}:${step === 'handoff_requested' ? 'start' : 'stop'}`,
    type: `consultation.${step}`,
    at,
    caseId: handoffCaseId(handoff.handoffId),
    branchPath: handoff.branchPath || ROOT_BRANCH_PATH,
    policyNo: null,
    actor,
    source: 'system',
  };
}

/** The customer asked for a person: the handoff as created. */
export function handoffRequestedMeasurement(
  handoff: Pick<HandoffRecord, 'handoffId' | 'branchPath' | 'createdAt' | 'customerId'>,
): MeasurementEvent {
  return handoffEvent(handoff, 'handoff_requested', handoff.createdAt, handoff.customerId);
}

/** A staff member took the handoff at `at`. */
export function handoffAnsweredMeasurement(
  handoff: Pick<HandoffRecord, 'handoffId' | 'branchPath'>,
  staffId: string,
  at: number,
): MeasurementEvent {
  return handoffEvent(handoff, 'handoff_answered', at, staffId);
}
