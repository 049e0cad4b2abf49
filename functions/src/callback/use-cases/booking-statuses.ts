import type { BookingStatus } from '@zhixiang/shared/callback/schemas';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';

/**
 * The callback status of each of these policies (for the home's to-dos): one BatchGetItem of
 * their booking items, never one read per policy. A policy without a booking is absent.
 */
export async function bookingStatusesOf(
  deps: { repositories: { callbackBookings: Pick<CallbackBookingRepository, 'getBookings'> } },
  policyNos: readonly string[],
): Promise<Map<string, BookingStatus>> {
  if (policyNos.length === 0) return new Map();
  const bookings = await deps.repositories.callbackBookings.getBookings(policyNos);
  return new Map(bookings.map((booking) => [booking.policyNo, booking.status]));
}
