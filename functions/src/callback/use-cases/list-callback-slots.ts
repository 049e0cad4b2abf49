import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackSlotsResponse } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { offeredSlots, slotEnd, windowDates } from '@zhixiang/shared/callback/window';
import { type CallbackDeps, loadCallbackPolicy } from './callback-policy';

/** The slots a customer may pick for a policy awaiting its callback, and their current booking. */
export async function listCallbackSlots(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
): Promise<CallbackSlotsResponse> {
  const target = await loadCallbackPolicy(deps, claims, policyNo);
  const [booking, slots] = await Promise.all([
    deps.repositories.callbackBookings.getBooking(policyNo),
    deps.repositories.callbackBookings.listSlotsOfDates(windowDates(target.today, target.coolingOffEndDate)),
  ]);
  const offered = offeredSlots(slots, {
    now: deps.now(),
    deadlineAt: target.deadlineAt,
    minNoticeMinutes: deps.minNoticeMinutes,
  }).map((slot) => ({
    slotId: slot.slotId,
    date: slot.date,
    start: slot.start,
    end: slotEnd(slot),
    seatsLeft: slot.seats - slot.booked,
  }));
  return {
    policyNo,
    coolingOffEndDate: target.coolingOffEndDate,
    booking: booking ? toCallbackBooking(booking) : null,
    slots: offered,
    suggestOnlineCallback: offered.length === 0 && booking?.status !== 'booked',
  };
}
