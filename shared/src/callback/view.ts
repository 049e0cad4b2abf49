import type { CallbackBookingRecord, CallbackSlotRecord } from '../ports/callback-bookings';
import type { CallbackBooking, CallbackSlot } from './schemas';
import { MAX_RESCHEDULES, slotEnd } from './window';

export function toCallbackBooking(record: CallbackBookingRecord): CallbackBooking {
  return {
    policyNo: record.policyNo,
    slotId: record.slotId,
    date: record.date,
    start: record.start,
    end: slotEnd(record),
    status: record.status,
    rescheduleCount: record.rescheduleCount,
    reschedulesLeft: Math.max(0, MAX_RESCHEDULES - record.rescheduleCount),
    version: record.version,
  };
}

export function toCallbackSlot(record: CallbackSlotRecord): CallbackSlot {
  return {
    slotId: record.slotId,
    date: record.date,
    start: record.start,
    end: slotEnd(record),
    seats: record.seats,
    booked: record.booked,
    open: record.open,
  };
}

/** 张伟 → 张*, 欧阳娜娜 → 欧***: enough for the seat to greet the right person. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
