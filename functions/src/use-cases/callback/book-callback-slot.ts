import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { reminderDueAt } from '@zhixiang/shared/callback/window';
import { type CallbackDeps, loadCallbackPolicy, slotInWindow } from './callback-policy';

/**
 * Books a slot for the policy's callback. The window is checked here; capacity and "one active
 * booking per policy" are enforced by the one transaction in the repository.
 */
export async function bookCallbackSlot(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  slotId: string,
): Promise<CallbackBooking> {
  const target = await loadCallbackPolicy(deps, claims, policyNo);
  const slot = slotInWindow(target, slotId, deps);
  const booking = await deps.repositories.callbackBookings.book({
    policyNo,
    ...slot,
    customerId: target.policy.holderId,
    branchPath: target.policy.branchPath,
    reminderDueAt: reminderDueAt(slot),
    updatedAt: deps.now(),
  });
  return toCallbackBooking(booking);
}
