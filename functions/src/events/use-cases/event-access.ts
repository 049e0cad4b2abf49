import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import {
  checkEligibility,
  checkRegistrationWindow,
  customerStanding,
  type Eligibility,
  type EventSettings,
  type Registrant,
} from '@zhixiang/shared/events/rules';
import { COVER_LINK_SECONDS, EVENT_NOT_FOUND_MESSAGE } from '@zhixiang/shared/events/schemas';
import { firstStartOf } from '@zhixiang/shared/events/view';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  EventRecord,
  EventStore,
  RegistrationRecord,
  RegistrationState,
} from '@zhixiang/shared/ports/events';
import type { PrivateFileStore } from '@zhixiang/shared/ports/private-files';
import type {
  BranchRepository,
  CustomerRepository,
  PolicyRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';

export interface EventDeps {
  repositories: {
    events: EventStore;
    customers: Pick<CustomerRepository, 'get'>;
    policies: Pick<PolicyRepository, 'listByCustomer'>;
    branches: Pick<BranchRepository, 'get' | 'getCached'>;
  };
  eventSettings: EventSettings;
  /** Cover images under `events/` of the document bucket. */
  eventFiles: PrivateFileStore;
  now: () => number;
}

/** A short-lived link to the event's cover image; null when it has none. */
export async function coverUrlOf(
  deps: Pick<EventDeps, 'eventFiles'>,
  event: Pick<EventRecord, 'cover'>,
): Promise<string | null> {
  return event.cover ? deps.eventFiles.presignGet(event.cover.key, COVER_LINK_SECONDS) : null;
}

/** Whose registration: a customer's by customer id (one per customer, whichever account), anyone else's by account. */
export function personKeyOf(claims: AccessClaims): string {
  return claims.role === 'customer' && claims.customerId ? claims.customerId : `U#${claims.sub}`;
}

/** The signed-in person as the eligibility rules see them (a customer with birth date and standing). */
export async function registrantOf(deps: EventDeps, claims: AccessClaims): Promise<Registrant> {
  if (claims.role !== 'customer' || !claims.customerId)
    return {
      role: claims.role,
      customerId: null,
      branchPath: claims.branchPath ?? null,
      birthDate: null,
      standing: null,
    };
  const [customer, policies] = await Promise.all([
    deps.repositories.customers.get(claims.customerId),
    deps.repositories.policies.listByCustomer(claims.customerId),
  ]);
  return {
    role: 'customer',
    customerId: claims.customerId,
    branchPath: customer?.branchPath ?? null,
    birthDate: customer?.birthDate ?? null,
    standing: customerStanding(policies.filter((p) => p.holderId === claims.customerId)),
  };
}

/** The Shanghai day of the event's first session: the day ages are counted on. */
export function eventDayOf(event: EventRecord): string {
  return todayInShanghai(new Date(firstStartOf(event)));
}

/** Refuses (403, with the reason the person reads) anyone the event's audience does not admit. */
export function assertEligible(
  deps: Pick<EventDeps, 'eventSettings'>,
  event: EventRecord,
  registrant: Registrant,
): void {
  const eligibility = checkEligibility(event.audience, registrant, eventDayOf(event), deps.eventSettings);
  if (!eligibility.eligible) throw new AppError('FORBIDDEN', eligibility.reason);
}

/** Eligibility first, then the registration window: the first reason that keeps the person out. */
export function mayRegister(
  deps: Pick<EventDeps, 'eventSettings' | 'now'>,
  event: EventRecord,
  registrant: Registrant,
): Eligibility {
  const eligibility = checkEligibility(event.audience, registrant, eventDayOf(event), deps.eventSettings);
  if (!eligibility.eligible) return eligibility;
  return checkRegistrationWindow(
    { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt },
    deps.now(),
  );
}

/** A published event; a draft or an unknown id is the same 404. */
export async function publishedEvent(
  deps: Pick<EventDeps, 'repositories'>,
  eventId: string,
): Promise<EventRecord> {
  const event = await deps.repositories.events.get(eventId);
  if (event?.status !== 'published') throw new AppError('NOT_FOUND', EVENT_NOT_FOUND_MESSAGE);
  return event;
}

export const NO_REGISTRATION_MESSAGE = '您尚未报名该活动';

/** The signed-in person's own registration of the event; 404 when they have none. */
export async function ownRegistration(
  deps: Pick<EventDeps, 'repositories'>,
  claims: AccessClaims,
  eventId: string,
): Promise<{ event: EventRecord; registration: RegistrationRecord }> {
  const event = await publishedEvent(deps, eventId);
  const registration = await deps.repositories.events.registration(eventId, personKeyOf(claims));
  if (!registration) throw new AppError('NOT_FOUND', NO_REGISTRATION_MESSAGE);
  return { event, registration };
}

/** A waiting registration's place in line (1 = next to be offered a seat); null when not waiting. */
export async function waitingPositionOf(
  deps: Pick<EventDeps, 'repositories'>,
  registration: RegistrationState,
): Promise<number | null> {
  if (registration.status !== 'waiting' || registration.waitSeq === null) return null;
  return deps.repositories.events.waitingPosition(
    registration.eventId,
    registration.sessionId,
    registration.waitSeq,
  );
}

/** A registrant's name as the door and the report show it: masked (张*). */
export async function maskedRegistrantName(
  deps: {
    repositories: Pick<EventDeps['repositories'], 'customers'> & {
      users: Pick<UserAccountRepository, 'get'>;
    };
  },
  registration: Pick<RegistrationState, 'customerId' | 'userId'>,
): Promise<string> {
  const name = registration.customerId
    ? (await deps.repositories.customers.get(registration.customerId))?.name
    : (await deps.repositories.users.get(registration.userId))?.displayName;
  return maskName(name ?? '参加者');
}
