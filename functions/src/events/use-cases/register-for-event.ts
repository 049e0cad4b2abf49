import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { ageOn } from '@zhixiang/shared/endorsement/policy-loan';
import { AppError } from '@zhixiang/shared/errors';
import { registrationMeasurements } from '@zhixiang/shared/events/measurement';
import { checkRegistrationWindow, segmentOf } from '@zhixiang/shared/events/rules';
import {
  ALREADY_REGISTERED_MESSAGE,
  BUSY_MESSAGE,
  ENDED_STATUSES,
  EVENT_FULL_MESSAGE,
  GUARDIAN_CONSENT_MESSAGE,
  MARKETING_CONSENT,
  MARKETING_CONSENT_MESSAGE,
  type RegisterForEventRequest,
  type RegistrationView,
  SESSION_NOT_FOUND_MESSAGE,
} from '@zhixiang/shared/events/schemas';
import { toRegistrationView } from '@zhixiang/shared/events/view';
import type { CompanionRecord, EventRecord, RegistrationRecord } from '@zhixiang/shared/ports/events';
import type { AgentRepository } from '@zhixiang/shared/ports/repositories';
import {
  assertEligible,
  type EventDeps,
  eventDayOf,
  personKeyOf,
  publishedEvent,
  registrantOf,
} from './event-access';

export type RegisterDeps = EventDeps & {
  repositories: EventDeps['repositories'] & { agents: Pick<AgentRepository, 'get'> };
};

/**
 * Registers the signed-in person (and their companions) for one session of a published event they
 * are eligible for, inside its registration window. Seats are taken by one conditional
 * transaction; a full session puts the party on its waiting list when asked to (`waitIfFull`),
 * otherwise it is refused with 409. Children's details are kept only with their guardian's consent.
 */
export async function registerForEvent(
  deps: RegisterDeps,
  claims: AccessClaims,
  eventId: string,
  request: RegisterForEventRequest,
): Promise<RegistrationView> {
  const requestedAt = deps.now();
  const event = await publishedEvent(deps, eventId);
  if (!event.sessions.some((s) => s.sessionId === request.sessionId))
    throw new AppError('NOT_FOUND', SESSION_NOT_FOUND_MESSAGE, { field: 'sessionId' });
  const registrant = await registrantOf(deps, claims);
  assertEligible(deps, event, registrant);
  const window = checkRegistrationWindow(
    { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt },
    deps.now(),
  );
  if (!window.eligible) throw new AppError('CONFLICT', window.reason);
  if (event.marketing && request.marketingConsent !== true)
    throw new AppError('VALIDATION_FAILED', MARKETING_CONSENT_MESSAGE, { field: 'marketingConsent' });
  const companions = companionsOf(deps, event, request);
  const invitedBy = await inviterOf(deps, claims, request.invitedBy ?? null);

  const personKey = personKeyOf(claims);
  const existing = await deps.repositories.events.registration(eventId, personKey);
  if (existing && !ENDED_STATUSES.includes(existing.status))
    throw new AppError('CONFLICT', ALREADY_REGISTERED_MESSAGE);
  const previousVersion = existing?.version ?? null;
  const nowIso = new Date(deps.now()).toISOString();
  const registration: RegistrationRecord = {
    eventId,
    personKey,
    userId: claims.sub,
    role: claims.role,
    customerId: claims.customerId ?? null,
    branchPath: registrant.branchPath,
    sessionId: request.sessionId,
    status: 'registered',
    partySize: 1 + companions.length,
    companions,
    guardianConsentAt: companions.some((c) => c.child) ? nowIso : null,
    waitSeq: null,
    offerExpiresAt: null,
    invitedBy,
    segment: segmentOf(registrant, deps.eventSettings),
    // Recorded only for a marketing event: elsewhere the box is not shown, so nothing was consented to.
    marketingConsentAt: event.marketing ? nowIso : null,
    marketingConsentVersion: event.marketing ? MARKETING_CONSENT.version : null,
    marketingConsentWithdrawnAt: null,
    registeredAt: nowIso,
    updatedAt: nowIso,
    version: (previousVersion ?? 0) + 1,
  };
  const { events } = deps.repositories;
  for (let attempt = 0; attempt < 5; attempt++) {
    const session = await events.session(eventId, request.sessionId);
    if (session && session.free >= registration.partySize) {
      const refusal = await events.takeSeats(
        registration,
        previousVersion,
        registrationMeasurements(registration, requestedAt, deps.now()),
      );
      if (refusal === null) return toRegistrationView(event, registration, null);
      if (refusal === 'already_registered') throw new AppError('CONFLICT', ALREADY_REGISTERED_MESSAGE);
    }
    if (!request.waitIfFull) throw new AppError('CONFLICT', EVENT_FULL_MESSAGE, { field: 'sessionId' });
    const joined = await events.joinWaitingList(registration, previousVersion);
    if (joined === 'already_registered') throw new AppError('CONFLICT', ALREADY_REGISTERED_MESSAGE);
    if (typeof joined === 'object')
      return toRegistrationView(
        event,
        { ...registration, status: 'waiting', waitSeq: joined.waitSeq },
        joined.position,
      );
    // Seats were freed between the two steps: try to take them.
  }
  throw new AppError('CONFLICT', BUSY_MESSAGE);
}

/** The companions, each flagged a child when under the configured age on the event's first day. */
function companionsOf(
  deps: Pick<EventDeps, 'eventSettings'>,
  event: EventRecord,
  request: RegisterForEventRequest,
): CompanionRecord[] {
  if (request.companions.length > event.maxCompanions)
    throw new AppError(
      'VALIDATION_FAILED',
      event.maxCompanions === 0
        ? '本活动仅限本人报名，不能携带同行人'
        : `本活动每人最多携带 ${event.maxCompanions} 位同行人，您填写了 ${request.companions.length} 位`,
      { field: 'companions' },
    );
  const day = eventDayOf(event);
  const companions = request.companions.map((c, i) => {
    if (c.birthDate > day)
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 位同行人的出生日期晚于活动日期，请核对`, {
        field: `companions.${i}.birthDate`,
      });
    return { ...c, child: ageOn(c.birthDate, day) < deps.eventSettings.childAgeBelow };
  });
  if (companions.some((c) => c.child) && !request.guardianConsent)
    throw new AppError('VALIDATION_FAILED', GUARDIAN_CONSENT_MESSAGE, { field: 'guardianConsent' });
  return companions;
}

/** The agent of an invitation link: only a customer's registration is attributed, and only to an agent who exists. */
async function inviterOf(
  deps: RegisterDeps,
  claims: AccessClaims,
  invitedBy: string | null,
): Promise<string | null> {
  if (!invitedBy || claims.role !== 'customer') return null;
  const agent = await deps.repositories.agents.get(invitedBy);
  if (!agent)
    throw new AppError('VALIDATION_FAILED', '邀请链接无效：未找到邀请的业务员', { field: 'invitedBy' });
  return agent.agentId;
}
