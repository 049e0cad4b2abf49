import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { EVENT_BRANDS } from '@zhixiang/shared/events/rules';
import {
  type EventDetail,
  type EventListResponse,
  type EventSummary,
  MARKETING_CONSENT,
} from '@zhixiang/shared/events/schemas';
import { firstStartOf, toRegistrationView, toSessionViews } from '@zhixiang/shared/events/view';
import type { EventRecord, RegistrationRecord } from '@zhixiang/shared/ports/events';
import {
  coverUrlOf,
  type EventDeps,
  mayRegister,
  personKeyOf,
  publishedEvent,
  registrantOf,
  waitingPositionOf,
} from './event-access';

function summary(
  event: EventRecord,
  coverUrl: string | null,
  reason: string | null,
  eligible: boolean,
  mine: RegistrationRecord | undefined,
): EventSummary {
  return {
    eventId: event.eventId,
    brand: event.brand,
    brandLabel: EVENT_BRANDS[event.brand],
    title: event.title,
    city: event.city,
    firstStartsAt: firstStartOf(event),
    coverUrl,
    organiserBranchName: event.organiserBranchName,
    eligible,
    reason,
    myStatus: mine?.status ?? null,
  };
}

/**
 * The published events that have not ended, soonest first, each with whether the signed-in person
 * may register and, when not, why (not in the audience, window not open or closed).
 */
export async function listEvents(deps: EventDeps, claims: AccessClaims): Promise<EventListResponse> {
  const [events, registrant, mine] = await Promise.all([
    deps.repositories.events.listPublished(),
    registrantOf(deps, claims),
    deps.repositories.events.registrationsOf(claims.sub),
  ]);
  const nowMs = deps.now();
  const byEvent = new Map(mine.map((r) => [r.eventId, r]));
  return {
    events: await Promise.all(
      events
        .filter((e) => e.sessions.some((s) => Date.parse(s.endsAt) > nowMs))
        .map(async (event) => {
          const may = mayRegister(deps, event, registrant);
          return summary(
            event,
            await coverUrlOf(deps, event),
            may.eligible ? null : may.reason,
            may.eligible,
            byEvent.get(event.eventId),
          );
        }),
    ),
  };
}

/** One published event with its sessions' seats left and the person's own registration. */
export async function getEvent(deps: EventDeps, claims: AccessClaims, eventId: string): Promise<EventDetail> {
  const event = await publishedEvent(deps, eventId);
  const [registrant, sessions, registration] = await Promise.all([
    registrantOf(deps, claims),
    deps.repositories.events.sessions(eventId),
    deps.repositories.events.registration(eventId, personKeyOf(claims)),
  ]);
  const may = mayRegister(deps, event, registrant);
  const myRegistration = registration
    ? toRegistrationView(event, registration, await waitingPositionOf(deps, registration), deps.now())
    : null;
  return {
    ...summary(
      event,
      await coverUrlOf(deps, event),
      may.eligible ? null : may.reason,
      may.eligible,
      registration ?? undefined,
    ),
    description: event.description,
    whatToBring: event.whatToBring,
    venues: event.venues,
    sessions: toSessionViews(event, sessions),
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    maxCompanions: event.maxCompanions,
    childAgeBelow: deps.eventSettings.childAgeBelow,
    marketing: event.marketing ?? false,
    marketingConsentText: event.marketing ? MARKETING_CONSENT.text : null,
    myRegistration,
  };
}
