import { maskName } from '../callback/view';
import type { EventRecord, RegistrationRecord, SessionState } from '../ports/events';
import { EVENT_BRANDS } from './rules';
import {
  COMPANION_RELATIONS,
  REGISTRATION_STATUS_LABELS,
  type RegistrationView,
  type StaffEvent,
  type StaffEventDetail,
} from './schemas';

/** The event's first session start: the day ages are counted on and the order of lists. */
export function firstStartOf(event: Pick<EventRecord, 'sessions' | 'registrationClosesAt'>): string {
  return event.sessions.map((s) => s.startsAt).sort()[0] ?? event.registrationClosesAt;
}

export function toSessionViews(event: EventRecord, states: readonly SessionState[]) {
  const byId = new Map(states.map((s) => [s.sessionId, s]));
  return event.sessions.map((s) => {
    const state = byId.get(s.sessionId);
    return {
      sessionId: s.sessionId,
      venueName: event.venues.find((v) => v.venueId === s.venueId)?.name ?? '',
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      seatsLeft: state?.free ?? 0,
      waiting: state?.waiting ?? 0,
    };
  });
}

/** A registration as its registrant sees it: companions' names masked, children flagged, no birth dates. */
export function toRegistrationView(
  event: EventRecord,
  registration: RegistrationRecord,
  waitingPosition: number | null,
  /** The time, where the view offers the rating (given: an attendee of an ended session may rate). */
  nowMs?: number,
): RegistrationView {
  const session = event.sessions.find((s) => s.sessionId === registration.sessionId);
  const rating = registration.rating ?? null;
  return {
    eventId: event.eventId,
    eventTitle: event.title,
    brandLabel: EVENT_BRANDS[event.brand],
    sessionId: registration.sessionId,
    sessionStartsAt: session?.startsAt ?? '',
    venueName: event.venues.find((v) => v.venueId === session?.venueId)?.name ?? '',
    status: registration.status,
    statusLabel: REGISTRATION_STATUS_LABELS[registration.status],
    partySize: registration.partySize,
    companions: registration.companions.map((c) => ({
      nameMasked: maskName(c.name),
      relationLabel: COMPANION_RELATIONS[c.relation],
      child: c.child,
    })),
    waitingPosition: registration.status === 'waiting' ? waitingPosition : null,
    offerExpiresAt: registration.status === 'offered' ? registration.offerExpiresAt : null,
    registeredAt: registration.registeredAt,
    rating: rating ? { score: rating.score, comment: rating.comment } : null,
    mayRate:
      nowMs !== undefined &&
      registration.status === 'checked_in' &&
      rating === null &&
      session !== undefined &&
      Date.parse(session.endsAt) <= nowMs,
    marketingConsent:
      registration.marketingConsentAt && registration.marketingConsentVersion
        ? {
            givenAt: registration.marketingConsentAt,
            version: registration.marketingConsentVersion,
            withdrawnAt: registration.marketingConsentWithdrawnAt ?? null,
          }
        : null,
  };
}

export function toStaffEvent(
  event: EventRecord,
  states: readonly SessionState[],
  coverUrl: string | null,
): StaffEvent {
  return {
    coverUrl,
    eventId: event.eventId,
    brandLabel: EVENT_BRANDS[event.brand],
    title: event.title,
    city: event.city,
    status: event.status,
    organiserBranchName: event.organiserBranchName,
    firstStartsAt: firstStartOf(event),
    sessions: toSessionViews(event, states).map((view) => ({
      ...view,
      checkedIn: states.find((s) => s.sessionId === view.sessionId)?.checkedIn ?? 0,
    })),
  };
}

/** A stored event as the create / edit form sends it (instants as stored, in UTC). */
export function eventFormOf(event: EventRecord): StaffEventDetail['form'] {
  return {
    brand: event.brand,
    title: event.title,
    city: event.city,
    description: event.description,
    venues: event.venues.map((v) => ({ name: v.name, address: v.address })),
    sessions: event.sessions.map((s) => ({
      venueIndex: Math.max(
        0,
        event.venues.findIndex((v) => v.venueId === s.venueId),
      ),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
    })),
    audience: {
      roles: [...event.audience.roles],
      segment: event.audience.segment,
      ageBand: event.audience.ageBand,
      organiserBranchOnly: event.audience.branch !== null,
    },
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    whatToBring: event.whatToBring,
    maxCompanions: event.maxCompanions,
    marketing: event.marketing ?? false,
  };
}
