import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking } from '@zhixiang/shared/callback/schemas';
import { ALREADY_BOOKED_MESSAGE } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { canReschedule, reminderDueAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import type { BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';
import {
  type CallbackDeps,
  loadCallbackPolicy,
  RESCHEDULE_LIMIT_MESSAGE,
  slotInWindow,
} from './callback-policy';

export const CALLBACK_DONE_MESSAGE = '该保单的回访已完成或已转人工跟进，无需再预约';

/**
 * Books a slot for the policy's callback. The window is checked here; capacity and "one active
 * booking per policy" are enforced by the one transaction in the repository. Booking again after
 * a cancellation counts as a move, so cancel + book cannot lift the limit of three.
 */
export async function bookCallbackSlot(
  deps: CallbackDeps & { metrics: Pick<BusinessMetrics, 'count'> },
  claims: AccessClaims,
  policyNo: string,
  slotId: string,
): Promise<CallbackBooking> {
  const repo = deps.repositories.callbackBookings;
  // The booking read runs beside the policy's; nothing of it is used unless the policy is visible.
  const [target, previous] = await Promise.all([
    loadCallbackPolicy(deps, claims, policyNo),
    repo.getBooking(policyNo),
  ]);
  const slot = slotInWindow(target, slotId, deps);
  if (previous?.status === 'booked') throw new AppError('CONFLICT', ALREADY_BOOKED_MESSAGE);
  if (previous?.status === 'completed' || previous?.status === 'problem')
    throw new AppError('CONFLICT', CALLBACK_DONE_MESSAGE);
  if (previous?.status === 'cancelled' && !canReschedule(previous.rescheduleCount))
    throw new AppError('CONFLICT', RESCHEDULE_LIMIT_MESSAGE);
  const booking = await repo.book(
    {
      policyNo,
      ...slot,
      customerId: target.policy.holderId,
      branchPath: target.policy.branchPath,
      reminderDueAt: reminderDueAt(slot),
      updatedAt: deps.now(),
    },
    previous,
  );
  deps.metrics.count('CallbackBooked');
  return toCallbackBooking(booking);
}
