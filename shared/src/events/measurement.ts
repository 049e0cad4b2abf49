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
