import type { CreateCallbackSlotsRequest } from '@zhixiang/shared/callback/schemas';
import { type OpeningHours, slotsFromOpeningHours } from '@zhixiang/shared/callback/window';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';

/** Staff: lays out 30-minute slots over a date range from weekday and weekend opening hours. */
export async function createCallbackSlots(
  repository: CallbackBookingRepository,
  request: CreateCallbackSlotsRequest,
): Promise<{ created: number; existing: number }> {
  const { weekdays, weekends } = request;
  const hours: OpeningHours = {
    0: weekends,
    1: weekdays,
    2: weekdays,
    3: weekdays,
    4: weekdays,
    5: weekdays,
    6: weekends,
  };
  return repository.createSlots(slotsFromOpeningHours(hours, request.from, request.to), request.seats);
}
