import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { type CallbackDayResponse, ONLINE_SLOT_ID } from '@zhixiang/shared/callback/schemas';
import { maskName, toCallbackSlot } from '@zhixiang/shared/callback/view';
import { slotStartAt } from '@zhixiang/shared/callback/window';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import { PolicyViewLoader } from '../../policies/use-cases/policy-view-loader';
import type { CallbackDeps } from './callback-policy';

/**
 * Staff: a day of the call centre, slot by slot, with the bookings of the staff member's branch
 * subtree (customers masked). Slots are shared capacity, so every slot shows its totals.
 */
export async function listCallbackBookings(
  deps: CallbackDeps,
  claims: AccessClaims,
  date: string,
): Promise<CallbackDayResponse> {
  const repo = deps.repositories.callbackBookings;
  const [slots, bookings] = await Promise.all([repo.listSlotsOfDates([date]), repo.listBookingsOfDate(date)]);
  const visible = bookings.filter(
    (b) => claims.role === 'admin' || isInBranchSubtree(b.branchPath, claims.branchPath ?? ''),
  );
  const loader = new PolicyViewLoader(deps.repositories);
  const rows = await Promise.all(
    visible.map(async (booking) => ({
      slotId: booking.slotId,
      row: {
        policyNo: booking.policyNo,
        status: booking.status,
        ...(await maskedCallbackParty(loader, deps, booking)),
        rescheduleCount: booking.rescheduleCount,
      },
    })),
  );
  return {
    date,
    slots: slots
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((slot) => ({
        ...toCallbackSlot(slot),
        bookings: rows.filter((r) => r.slotId === slot.slotId).map((r) => r.row),
      })),
    online: rows.filter((r) => r.slotId === ONLINE_SLOT_ID).map((r) => r.row),
  };
}

/** Who a callback is for, as staff see it: the customer masked and the policy's product. */
export async function maskedCallbackParty(
  loader: PolicyViewLoader,
  deps: CallbackDeps,
  callback: { customerId: string; policyNo: string },
): Promise<{ customerNameMasked: string; phoneMasked: string; productName: string }> {
  const [customer, policy] = await Promise.all([
    loader.customer(callback.customerId),
    deps.repositories.policies.get(callback.policyNo),
  ]);
  const product = policy ? await loader.product(policy.productCode) : null;
  return {
    customerNameMasked: customer ? maskName(customer.name) : '—',
    phoneMasked: customer ? maskPhone(customer.phone) : '—',
    productName: product?.name ?? '—',
  };
}

/** The day's callbacks still to be made (booked, no outcome yet), as facts of the staff home's queue. */
export async function dayCallbackFactsOf(
  deps: { repositories: { callbackBookings: Pick<CallbackBookingRepository, 'listBookingsOfDate'> } },
  date: string,
): Promise<QueueItemFact[]> {
  const bookings = await deps.repositories.callbackBookings.listBookingsOfDate(date);
  return bookings
    .filter((b) => b.status === 'booked')
    .map((b) => ({ branchPath: b.branchPath, since: slotStartAt(b) }));
}
