import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking, RescheduleCallbackRequest } from '@zhixiang/shared/callback/schemas';
import { BOOKING_CHANGED_MESSAGE } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { canReschedule, reminderDueAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import {
  type CallbackDeps,
  loadCallbackPolicy,
  NO_ACTIVE_BOOKING_MESSAGE,
  RESCHEDULE_LIMIT_MESSAGE,
  slotInWindow,
} from './callback-policy';

/** Moves the booking to another slot in the window, at most three times. */
export async function rescheduleCallback(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  request: RescheduleCallbackRequest,
): Promise<CallbackBooking> {
  const target = await loadCallbackPolicy(deps, claims, policyNo);
  const current = await deps.repositories.callbackBookings.getBooking(policyNo);
  if (current?.status !== 'booked') throw new AppError('NOT_FOUND', NO_ACTIVE_BOOKING_MESSAGE);
  if (current.version !== request.version) throw new AppError('CONFLICT', BOOKING_CHANGED_MESSAGE);
  if (!canReschedule(current.rescheduleCount)) throw new AppError('CONFLICT', RESCHEDULE_LIMIT_MESSAGE);
  if (current.slotId === request.slotId) {
    throw new AppError('VALIDATION_FAILED', '新时段与原时段相同', { field: 'slotId' });
  }
  const slot = slotInWindow(target, request.slotId, deps);
  const moved = await deps.repositories.callbackBookings.reschedule(
    current,
    slot,
    reminderDueAt(slot),
    deps.now(),
  );
  return toCallbackBooking(moved);
}
