import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import {
  type CheckInRequest,
  type CheckInResult,
  type EventTicket,
  SESSION_NOT_FOUND_MESSAGE,
  type WalkInRequest,
  type WalkInResult,
} from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { type EventDeps, maskedRegistrantName, ownRegistration } from './event-access';
import { staffEvent } from './manage-events';

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

/** A scan queued offline is recorded when it was made: not in the future, and not older than a day. */
const OFFLINE_SCAN_MAX_AGE_MS = 86_400_000;
const CLOCK_SKEW_MS = 60_000;

function checkInTime(nowMs: number, scannedAt: string | undefined): string {
  if (scannedAt === undefined) return new Date(nowMs).toISOString();
  const at = Date.parse(scannedAt);
  if (at > nowMs + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION_FAILED', '扫码时间不能晚于当前时间，请检查手机时间', {
      field: 'scannedAt',
    });
  if (at < nowMs - OFFLINE_SCAN_MAX_AGE_MS)
    throw new AppError('VALIDATION_FAILED', '离线签到记录已超过 24 小时，请核对后重新扫码', {
      field: 'scannedAt',
    });
  return new Date(at).toISOString();
}

/** Walk-ins are let in from two hours before their session starts until it ends. */
const WALK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

/**
 * Staff at the door let a party in without a registration (现场报名) when the session still has
 * free seats: seats held for the waiting list are never given away. Within the event's party size
 * (the registrant and their companions), from two hours before the session until it ends.
 */
export async function addWalkIn(
  deps: CheckInDeps,
  claims: AccessClaims,
  eventId: string,
  request: WalkInRequest,
): Promise<WalkInResult> {
  const event = await staffEvent(deps, claims, eventId);
  if (event.status !== 'published') throw new AppError('CONFLICT', '活动尚未发布，无法现场报名');
  const session = event.sessions.find((s) => s.sessionId === request.sessionId);
  if (!session) throw new AppError('VALIDATION_FAILED', SESSION_NOT_FOUND_MESSAGE, { field: 'sessionId' });
  const most = event.maxCompanions + 1;
  if (request.partySize > most)
    throw new AppError(
      'VALIDATION_FAILED',
      `本活动每组最多 ${most} 人（1 位参加者及 ${event.maxCompanions} 位同行人）`,
      {
        field: 'partySize',
      },
    );
  const now = deps.now();
  const opens = Date.parse(session.startsAt) - WALK_IN_OPENS_BEFORE_MS;
  if (now < opens)
    throw new AppError(
      'CONFLICT',
      `现场报名于 ${formatShanghaiDateTime(new Date(opens).toISOString())} 开放（场次开始前 2 小时）`,
    );
  if (now >= Date.parse(session.endsAt)) throw new AppError('CONFLICT', '该场次已结束，无法现场报名');
  const checkedInAt = new Date(now).toISOString();
  const added = await deps.repositories.events.addWalkIn({
    eventId,
    sessionId: session.sessionId,
    partySize: request.partySize,
    name: request.name,
    mobile: request.mobile,
    checkedInAt,
    recordedBy: claims.sub,
  });
  const seats = await deps.repositories.events.session(eventId, session.sessionId);
  if (!added)
    throw new AppError(
      'CONFLICT',
      `该场次仅余 ${seats?.free ?? 0} 个名额，无法为 ${request.partySize} 人现场报名`,
    );
  return {
    eventId,
    sessionId: session.sessionId,
    registrantNameMasked: maskName(request.name),
    partySize: request.partySize,
    checkedInAt,
    seatsLeft: seats?.free ?? 0,
  };
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
  await staffEvent(deps, claims, eventId);
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
  const nowIso = checkInTime(deps.now(), request.scannedAt);
  const next = {
    ...registration,
    status: 'checked_in' as const,
    updatedAt: nowIso,
    version: registration.version + 1,
  };
  if (!(await deps.repositories.events.checkIn(next, registration)))
    throw new AppError('CONFLICT', '该入场码刚刚已被扫描，请勿重复扫码');
  return {
    eventId,
    sessionId: registration.sessionId,
    registrantNameMasked: await maskedRegistrantName(deps, registration),
    partySize: registration.partySize,
    checkedInAt: nowIso,
  };
}
