import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type CallbackDeps, loadCallbackPolicy, NO_ACTIVE_BOOKING_MESSAGE } from './callback-policy';

/** Cancels the active booking and frees its seat. */
export async function cancelCallback(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
): Promise<void> {
  await loadCallbackPolicy(deps, claims, policyNo, { requireAwaiting: false });
  const current = await deps.repositories.callbackBookings.getBooking(policyNo);
  if (current?.status !== 'booked') throw new AppError('NOT_FOUND', NO_ACTIVE_BOOKING_MESSAGE);
  await deps.repositories.callbackBookings.cancel(current, deps.now());
}
