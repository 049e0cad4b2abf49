import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { checkRegistrationWindow } from '@zhixiang/shared/events/rules';
import {
  type ChangeSessionRequest,
  EVENT_FULL_MESSAGE,
  type RegistrationStatus,
  type RegistrationView,
  SESSION_NOT_FOUND_MESSAGE,
} from '@zhixiang/shared/events/schemas';
import { toRegistrationView } from '@zhixiang/shared/events/view';
import type { RegistrationRecord } from '@zhixiang/shared/ports/events';
import { type EventDeps, ownRegistration } from './event-access';
import type { EventNoticeDeps } from './event-notices';
import { offerFreedSeats } from './offer-freed-seats';

const CHANGED_MESSAGE = '报名状态已变化，请刷新后重试';

function moved(
  registration: RegistrationRecord,
  changes: Partial<RegistrationRecord>,
  nowMs: number,
): RegistrationRecord {
  return {
    ...registration,
    ...changes,
    updatedAt: new Date(nowMs).toISOString(),
    version: registration.version + 1,
  };
}

/**
 * Cancels the person's registration, waiting place or open offer. The seats go back to the
 * session in the same transaction — to the waiting list when someone waits, whose head is then
 * offered them — so a cancellation can neither lose nor double a seat.
 */
export async function cancelEventRegistration(
  deps: EventDeps & EventNoticeDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<RegistrationView> {
  const { event, registration } = await ownRegistration(deps, claims, eventId);
  if (registration.status === 'checked_in') throw new AppError('CONFLICT', '您已签到入场，无法取消报名');
  if (!(['registered', 'waiting', 'offered'] as RegistrationStatus[]).includes(registration.status))
    throw new AppError('CONFLICT', '该报名已结束，无需取消');
  const session = event.sessions.find((s) => s.sessionId === registration.sessionId);
  if (session && Date.parse(session.startsAt) <= deps.now())
    throw new AppError('CONFLICT', '活动已开始，无法取消报名');
  return end(deps, event, registration, 'cancelled');
}

/** The person's own registration holding an open offer; 409 when there is none. */
async function ownOffer(deps: EventDeps, claims: AccessClaims, eventId: string) {
  const own = await ownRegistration(deps, claims, eventId);
  if (own.registration.status !== 'offered') throw new AppError('CONFLICT', '当前没有待确认的候补名额');
  return own;
}

/** Declines an open offer: its seats go to the next in line. */
export async function declineEventOffer(
  deps: EventDeps & EventNoticeDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<RegistrationView> {
  const { event, registration } = await ownOffer(deps, claims, eventId);
  return end(deps, event, registration, 'declined');
}

async function end(
  deps: EventDeps & EventNoticeDeps,
  event: Awaited<ReturnType<typeof ownRegistration>>['event'],
  registration: RegistrationRecord,
  status: 'cancelled' | 'declined',
): Promise<RegistrationView> {
  const next = moved(registration, { status, offerExpiresAt: null }, deps.now());
  if (!(await deps.repositories.events.release(next, registration)))
    throw new AppError('CONFLICT', CHANGED_MESSAGE);
  await offerFreedSeats(deps, event.eventId, registration.sessionId);
  return toRegistrationView(event, next, null);
}

/** Accepts an open offer before it expires: the seats it held become the person's registration. */
export async function acceptEventOffer(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<RegistrationView> {
  const { event, registration } = await ownOffer(deps, claims, eventId);
  const nowMs = deps.now();
  const next = moved(registration, { status: 'registered', offerExpiresAt: null }, nowMs);
  if (!(await deps.repositories.events.acceptOffer(next, registration, new Date(nowMs).toISOString())))
    throw new AppError('CONFLICT', '候补名额已过期，已顺延给下一位候补');
  return toRegistrationView(event, next, null);
}

/**
 * Moves a registered party to another session of the event while registration is open: the new
 * seats are taken and the old ones released in one transaction (a full session refuses, 409).
 */
export async function changeEventSession(
  deps: EventDeps & EventNoticeDeps,
  claims: AccessClaims,
  eventId: string,
  request: ChangeSessionRequest,
): Promise<RegistrationView> {
  const { event, registration } = await ownRegistration(deps, claims, eventId);
  if (!event.sessions.some((s) => s.sessionId === request.sessionId))
    throw new AppError('NOT_FOUND', SESSION_NOT_FOUND_MESSAGE, { field: 'sessionId' });
  if (registration.status !== 'registered') throw new AppError('CONFLICT', '只有已报名成功的场次可以改期');
  if (registration.sessionId === request.sessionId)
    throw new AppError('VALIDATION_FAILED', '您已报名该场次，请选择其他场次', { field: 'sessionId' });
  const window = checkRegistrationWindow(
    { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt },
    deps.now(),
  );
  if (!window.eligible) throw new AppError('CONFLICT', window.reason);
  const next = moved(registration, { sessionId: request.sessionId }, deps.now());
  const outcome = await deps.repositories.events.moveSession(next, registration);
  if (outcome === 'full') throw new AppError('CONFLICT', EVENT_FULL_MESSAGE, { field: 'sessionId' });
  if (outcome === 'changed') throw new AppError('CONFLICT', CHANGED_MESSAGE);
  await offerFreedSeats(deps, eventId, registration.sessionId);
  return toRegistrationView(event, next, null);
}
