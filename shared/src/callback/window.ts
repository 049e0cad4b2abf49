import { addDays } from '../format/dates';

/**
 * The callback (回访) window rules, pure so they can be property-tested. Times are epoch
 * milliseconds; dates and clock times are Asia/Shanghai, which has been UTC+8 all year since
 * 1991, so a fixed offset is exact and a Lambda running in UTC cannot be off by eight hours.
 */
export const SLOT_MINUTES = 30;
/** The reminder goes out this long before the call. */
export const REMINDER_LEAD_MINUTES = 30;
/** A booking may be moved at most this many times (it can always be cancelled). */
export const MAX_RESCHEDULES = 3;

const MINUTE_MS = 60_000;
const SHANGHAI_OFFSET = '+08:00';

/** Opening hours per weekday (0 = Sunday … 6 = Saturday); null = closed that day. */
export type OpeningHours = Record<0 | 1 | 2 | 3 | 4 | 5 | 6, { open: string; close: string } | null>;

export interface SlotTime {
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  date: string;
  /** `HH:mm`, Asia/Shanghai. */
  start: string;
}

export interface SlotCapacity extends SlotTime {
  seats: number;
  booked: number;
  open: boolean;
}

/** `202611260930`: sortable, digits only, and enough to find the slot's item. */
export function slotIdOf(slot: SlotTime): string {
  return `${slot.date.replace(/-/g, '')}${slot.start.replace(':', '')}`;
}

export function parseSlotId(slotId: string): SlotTime | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(slotId);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  const slot = { date: `${y}-${mo}-${d}`, start: `${h}:${mi}` };
  const instant = slotStartAt(slot);
  // Rejects 2026-02-30 and 25:00 instead of letting Date roll them over.
  if (Number.isNaN(instant) || slotIdOf(slotOfInstant(instant)) !== slotId) return null;
  return slot;
}

export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function slotStartAt(slot: SlotTime): number {
  return Date.parse(`${slot.date}T${slot.start}:00${SHANGHAI_OFFSET}`);
}

export function slotEnd(slot: SlotTime): string {
  return clockOf(minutesOf(slot.start) + SLOT_MINUTES);
}

function slotOfInstant(instant: number): SlotTime {
  const local = new Date(instant + 8 * 60 * MINUTE_MS).toISOString();
  return { date: local.slice(0, 10), start: local.slice(11, 16) };
}

/** The weekday (0 = Sunday) of a calendar date; the date alone decides it, whatever the zone. */
export function weekdayOf(date: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return new Date(`${date}T00:00:00Z`).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** Every 30-minute slot of the days `from`…`to` (inclusive) that fits inside the opening hours. */
export function slotsFromOpeningHours(hours: OpeningHours, from: string, to: string): SlotTime[] {
  const slots: SlotTime[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = hours[weekdayOf(date)];
    if (!day) continue;
    const close = minutesOf(day.close);
    for (let start = minutesOf(day.open); start + SLOT_MINUTES <= close; start += SLOT_MINUTES) {
      slots.push({ date, start: clockOf(start) });
    }
  }
  return slots;
}

/**
 * The instant the callback must have happened by: the end of the cooling-off period's last day
 * (midnight after it, Asia/Shanghai). A slot starting at or after it is never offered.
 */
export function callbackDeadlineAt(coolingOffEndDate: string): number {
  return Date.parse(`${addDays(coolingOffEndDate, 1)}T00:00:00${SHANGHAI_OFFSET}`);
}

export interface OfferWindow {
  now: number;
  /** From callbackDeadlineAt. */
  deadlineAt: number;
  minNoticeMinutes: number;
}

/** A slot may be offered when it starts no sooner than the notice allows and before the deadline. */
export function isInWindow(slot: SlotTime, window: OfferWindow): boolean {
  const startAt = slotStartAt(slot);
  return startAt >= window.now + window.minNoticeMinutes * MINUTE_MS && startAt < window.deadlineAt;
}

/** The slots a customer is shown: in the window, open and not full, in time order. */
export function offeredSlots<S extends SlotCapacity>(slots: readonly S[], window: OfferWindow): S[] {
  return slots
    .filter((slot) => slot.open && slot.booked < slot.seats && isInWindow(slot, window))
    .sort((a, b) => slotStartAt(a) - slotStartAt(b));
}

/** The calendar days a window can touch: today … the cooling-off end day. */
export function windowDates(today: string, coolingOffEndDate: string): string[] {
  const dates: string[] = [];
  for (let date = today; date <= coolingOffEndDate; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function reminderDueAt(slot: SlotTime): number {
  return slotStartAt(slot) - REMINDER_LEAD_MINUTES * MINUTE_MS;
}

export function canReschedule(rescheduleCount: number): boolean {
  return rescheduleCount < MAX_RESCHEDULES;
}
