import { callCentreSettings, weeklyOpeningHours } from '@zhixiang/shared/callback/call-centre-settings';
import { slotsFromOpeningHours } from '@zhixiang/shared/callback/window';
import { addDays } from '@zhixiang/shared/format/dates';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';

/**
 * A week ahead: enough to book and move a callback, and cheap enough for every test that seeds.
 * `npm start` seeds on each start, so the schedule follows the calendar.
 */
export const DEMO_SLOT_DAYS = 7;

/** Slots from today on, from the call centre's configured hours and seats; existing slots keep their seats and bookings, so re-seeding changes nothing. */
export function seedDemoCallbackSlots(repository: CallbackBookingRepository, today: string) {
  return repository.createSlots(
    slotsFromOpeningHours(
      weeklyOpeningHours(callCentreSettings.openingHours),
      today,
      addDays(today, DEMO_SLOT_DAYS - 1),
    ),
    callCentreSettings.seatsPerSlot,
  );
}
