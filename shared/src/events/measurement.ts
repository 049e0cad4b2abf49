import type { RegistrationRecord } from '../ports/events';
import { type MeasurementEvent, timedMeasurements } from '../standards/measure';

/**
 * A club event registration that took its seats, as the service standards measure it:
 * `consultation.event_registration_requested` when the request arrived and
 * `consultation.event_registration_confirmed` when the seats were taken, one case per
 * registration (`event_registration:<eventId>:<personKey>:<version>` — registering again after a
 * cancellation is a new case). Both are written in the seat transaction itself. A party put on the
 * waiting list is not measured: its place in line is what it asked for when the session is full.
 */
export function registrationMeasurements(
  registration: Pick<RegistrationRecord, 'eventId' | 'personKey' | 'version' | 'branchPath' | 'userId'>,
  requestedAt: number,
  confirmedAt: number,
): [MeasurementEvent, MeasurementEvent] {
  return timedMeasurements({
    caseId: `event_registration:${registration.eventId}:${registration.personKey}:${registration.version}`,
    start: { type: 'consultation.event_registration_requested', at: requestedAt },
    stop: { type: 'consultation.event_registration_confirmed', at: confirmedAt },
    branchPath: registration.branchPath,
    actor: registration.userId,
  });
}

/**
 * An attendee's rating of a session, for the standards report's satisfaction figures:
 * `consultation.event_rated` with its score, one per registration (the event id is the
 * registration's own, so a repeat overwrites itself), at the registrant's branch (the organiser's
 * for someone without one), written in the rating's own transaction.
 */
export function ratingMeasurement(
  registration: Pick<RegistrationRecord, 'eventId' | 'personKey' | 'version' | 'branchPath' | 'userId'>,
  organiserBranchPath: string,
  score: number,
  at: number,
): MeasurementEvent {
  const caseId = `event_rating:${registration.eventId}:${registration.personKey}:${registration.version}`;
  return {
    eventId: caseId,
    type: 'consultation.event_rated',
    at,
    caseId,
    branchPath: registration.branchPath ?? organiserBranchPath,
    policyNo: null,
    actor: registration.userId,
    source: 'system',
    score,
  };
}
