import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { type CallbackDeps, loadCallbackPolicy } from './callback-policy';

/** A policy's callback booking in any state (also after the cooling-off period), or null. */
export async function getCallbackBooking(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
): Promise<{ booking: CallbackBooking | null }> {
  await loadCallbackPolicy(deps, claims, policyNo, { requireAwaiting: false });
  const booking = await deps.repositories.callbackBookings.getBooking(policyNo);
  return { booking: booking ? toCallbackBooking(booking) : null };
}
