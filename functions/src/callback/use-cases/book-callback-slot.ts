import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking } from '@zhixiang/shared/callback/schemas';
import { ALREADY_BOOKED_MESSAGE } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { canReschedule, isInWindow, parseSlotId, reminderDueAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';
import {
  type CallbackDeps,
  loadCallbackPolicy,
  RESCHEDULE_LIMIT_MESSAGE,
  slotInWindow,
} from './callback-policy';

export const CALLBACK_DONE_MESSAGE = '该保单的回访已完成或已转人工跟进，无需再预约';

/**
 * Books a slot for the policy's callback. A policyholder booking their own policy goes straight to
 * the one transaction (the policy's holder, status and callback deadline, the seat's capacity, no
 * booking yet); only when it is refused — or for anyone else — are the policy and its booking read,
 * to book over an ended booking or to say precisely why not. Capacity and "one active booking per
 * policy" are always the transaction's. Booking again after a cancellation counts as a move, so
 * cancel + book cannot lift the limit of three.
 */
export async function bookCallbackSlot(
  deps: CallbackDeps & { metrics: Pick<BusinessMetrics, 'count'> },
  claims: AccessClaims,
  policyNo: string,
  slotId: string,
): Promise<CallbackBooking> {
  const repo = deps.repositories.callbackBookings;
  const direct = await bookAsHolder(deps, claims, policyNo, slotId);
  if (direct) {
    deps.metrics.count('CallbackBooked');
    return toCallbackBooking(direct);
  }
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

/** The transaction alone, when the caller is a customer and the slot is far enough ahead. */
async function bookAsHolder(deps: CallbackDeps, claims: AccessClaims, policyNo: string, slotId: string) {
  const slot = parseSlotId(slotId);
  const now = deps.now();
  // The deadline is the transaction's to check; here only the notice, which needs no policy.
  const window = { now, deadlineAt: Number.POSITIVE_INFINITY, minNoticeMinutes: deps.minNoticeMinutes };
  if (claims.role !== 'customer' || !claims.customerId || !slot || !isInWindow(slot, window)) return null;
  return deps.repositories.callbackBookings.bookAsHolder({
    policyNo,
    slotId,
    ...slot,
    customerId: claims.customerId,
    reminderDueAt: reminderDueAt(slot),
    updatedAt: now,
    today: todayInShanghai(new Date(now)),
  });
}
