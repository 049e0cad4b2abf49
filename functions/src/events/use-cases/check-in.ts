import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import {
  type CheckInRequest,
  type CheckInResult,
  EVENT_NOT_FOUND_MESSAGE,
  type EventTicket,
} from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { type EventDeps, ownRegistration } from './event-access';

/** What checking a ticket needs: a signer of one purpose (platform/tokens/signed-tokens.ts). */
export interface TicketSigner {
  sign(fields: Record<string, string | number>, validMs: number): Promise<string>;
  check(
    token: string,
  ): Promise<
    { status: 'valid'; fields: Record<string, unknown> } | { status: 'expired' } | { status: 'forged' }
  >;
}

export type CheckInDeps = EventDeps & {
  eventTickets: TicketSigner;
  repositories: EventDeps['repositories'] & { users: Pick<UserAccountRepository, 'get'> };
};

/** A ticket is good until a day after its session ends. */
const AFTER_SESSION_MS = 86_400_000;
export const FORGED_TICKET_MESSAGE = '二维码无效或已被篡改，请让参加者在「我的活动」中重新打开入场码';

/** The registrant's entry ticket for their session; only a registration that holds its seats has one. */
export async function getEventTicket(
  deps: CheckInDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<EventTicket> {
  const { event, registration } = await ownRegistration(deps, claims, eventId);
  if (registration.status !== 'registered' && registration.status !== 'checked_in')
    throw new AppError('CONFLICT', '报名成功后才有入场码');
  const session = event.sessions.find((s) => s.sessionId === registration.sessionId);
  const expiresMs = Date.parse(session?.endsAt ?? event.registrationClosesAt) + AFTER_SESSION_MS;
  const ticket = await deps.eventTickets.sign(
    { v: eventId, p: registration.personKey, s: registration.sessionId },
    Math.max(0, expiresMs - deps.now()),
  );
  return { ticket, expiresAt: new Date(expiresMs).toISOString() };
}

/**
 * Staff of the organising branch subtree check a scanned ticket in. A forged or tampered ticket,
 * an expired one and one of another event are refused (400); a second scan of the same ticket is
 * caught (409, with the time of the first); a cancelled registration cannot check in.
 */
export async function checkInEventTicket(
  deps: CheckInDeps,
  claims: AccessClaims,
  eventId: string,
  request: CheckInRequest,
): Promise<CheckInResult> {
  const event = await deps.repositories.events.get(eventId);
  if (!event || !claims.branchPath || !isInBranchSubtree(event.organiserBranchPath, claims.branchPath))
    throw new AppError('NOT_FOUND', EVENT_NOT_FOUND_MESSAGE);
  const checked = await deps.eventTickets.check(request.ticket);
  if (checked.status === 'forged')
    throw new AppError('VALIDATION_FAILED', FORGED_TICKET_MESSAGE, { field: 'ticket' });
  if (checked.status === 'expired')
    throw new AppError('VALIDATION_FAILED', '该入场码已过期', { field: 'ticket' });
  const { v, p } = checked.fields;
  if (v !== eventId || typeof p !== 'string')
    throw new AppError('VALIDATION_FAILED', '这不是本活动的入场码，请核对活动', { field: 'ticket' });
  const registration = await deps.repositories.events.registration(eventId, p);
  if (!registration) throw new AppError('VALIDATION_FAILED', FORGED_TICKET_MESSAGE, { field: 'ticket' });
  if (registration.status === 'checked_in')
    throw new AppError(
      'CONFLICT',
      `已于 ${formatShanghaiDateTime(registration.updatedAt)} 签到，请勿重复扫码`,
    );
  if (registration.status !== 'registered')
    throw new AppError('CONFLICT', '该报名已取消或未获得名额，无法签到');
  const nowIso = new Date(deps.now()).toISOString();
  const next = {
    ...registration,
    status: 'checked_in' as const,
    updatedAt: nowIso,
    version: registration.version + 1,
  };
  if (!(await deps.repositories.events.checkIn(next, registration)))
    throw new AppError('CONFLICT', '该入场码刚刚已被扫描，请勿重复扫码');
  const name = registration.customerId
    ? (await deps.repositories.customers.get(registration.customerId))?.name
    : (await deps.repositories.users.get(registration.userId))?.displayName;
  return {
    eventId,
    sessionId: registration.sessionId,
    registrantNameMasked: maskName(name ?? '参加者'),
    partySize: registration.partySize,
    checkedInAt: nowIso,
  };
}
