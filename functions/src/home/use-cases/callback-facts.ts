import type { CallbackFact } from '@zhixiang/shared/home/todos';
import { isInCoolingOff } from '@zhixiang/shared/policy/view';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import { bookingStatusesOf } from '../../callback/use-cases/booking-statuses';

/**
 * The callback facts of policies whose holder may still have a callback to book — those in their
 * cooling-off period — with their bookings, read in one BatchGetItem for all of them at once.
 */
export async function withBookings(
  deps: { repositories: { callbackBookings: Pick<CallbackBookingRepository, 'getBookings'> } },
  facts: readonly Omit<CallbackFact, 'booking'>[],
  today: string,
): Promise<CallbackFact[]> {
  const coolingOff = facts.filter(
    (fact) => fact.isHolder && isInCoolingOff(fact, fact.coolingOffDays, today),
  );
  const bookings = await bookingStatusesOf(
    deps,
    coolingOff.map((fact) => fact.policyNo),
  );
  return coolingOff.map((fact) => ({ ...fact, booking: bookings.get(fact.policyNo) ?? null }));
}
