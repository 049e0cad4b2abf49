import type { CallbackSlot, UpdateCallbackSlotRequest } from '@zhixiang/shared/callback/schemas';
import { toCallbackSlot } from '@zhixiang/shared/callback/view';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';

/** Staff: closes or reopens a slot or changes its seats (never below what is booked). */
export async function updateCallbackSlot(
  repository: CallbackBookingRepository,
  slotId: string,
  change: UpdateCallbackSlotRequest,
): Promise<CallbackSlot> {
  return toCallbackSlot(
    await repository.updateSlot(slotId, {
      ...(change.seats === undefined ? {} : { seats: change.seats }),
      ...(change.open === undefined ? {} : { open: change.open }),
    }),
  );
}
