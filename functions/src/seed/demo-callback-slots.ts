import { type OpeningHours, slotsFromOpeningHours } from '@zhixiang/shared/callback/window';
import { addDays } from '@zhixiang/shared/format/dates';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';

const WEEKDAY = { open: '09:00', close: '17:00' };
const WEEKEND = { open: '10:00', close: '16:00' };
/** The demo call centre: weekdays 9–17, weekends 10–16, three seats a slot. */
export const DEMO_OPENING_HOURS: OpeningHours = {
  0: WEEKEND,
  1: WEEKDAY,
  2: WEEKDAY,
  3: WEEKDAY,
  4: WEEKDAY,
  5: WEEKDAY,
  6: WEEKEND,
};
export const DEMO_SEATS = 3;
/**
 * A week ahead: enough to book and move a callback, and cheap enough for every test that seeds.
 * `npm start` seeds on each start, so the schedule follows the calendar.
 */
export const DEMO_SLOT_DAYS = 7;

/** Slots from today on; existing slots keep their seats and bookings, so re-seeding changes nothing. */
export function seedDemoCallbackSlots(repository: CallbackBookingRepository, today: string) {
  return repository.createSlots(
    slotsFromOpeningHours(DEMO_OPENING_HOURS, today, addDays(today, DEMO_SLOT_DAYS - 1)),
    DEMO_SEATS,
  );
}
