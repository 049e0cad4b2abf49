import {
  ALREADY_BOOKED_MESSAGE,
  BOOKING_CHANGED_MESSAGE,
  SLOT_FULL_MESSAGE,
} from '@zhixiang/shared/callback/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoCallbackBookingRepository } from '../../src/callback/adapters/callback-bookings';
import { createSystem } from '../../src/system';

/**
 * Capacity under contention, against DynamoDB Local: the transaction, not a read-then-write,
 * decides who gets a seat.
 */
let repo: DynamoCallbackBookingRepository;

const SLOT = { slotId: '202612011000', date: '2026-12-01', start: '10:00' };
const OTHER = { slotId: '202612011030', date: '2026-12-01', start: '10:30' };
const THIRD = { slotId: '202612011100', date: '2026-12-01', start: '11:00' };

function newBooking(policyNo: string, slot = SLOT) {
  return {
    policyNo,
    ...slot,
    customerId: `C-${policyNo}`,
    branchPath: 'HQ/SH',
    reminderDueAt: Date.parse(`${slot.date}T${slot.start}:00+08:00`) - 1_800_000,
    updatedAt: 0,
  };
}

beforeAll(async () => {
  repo = createSystem().repositories.callbackBookings;
  await repo.createSlots([SLOT], 5);
  await repo.createSlots([OTHER, THIRD], 2);
});

describe('booking a callback slot under contention', () => {
  it('gives 200 parallel attempts on 5 seats exactly 5 bookings and 195 clear refusals', async () => {
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => repo.book(newBooking(`88000100${String(i).padStart(4, '0')}`))),
    );
    const took = performance.now() - started;
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(booked).toHaveLength(5);
    expect(refused).toHaveLength(195);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).userMessage).toBe(SLOT_FULL_MESSAGE);
      expect((reason as AppError).status).toBe(409);
    }
    expect((await repo.getSlot(SLOT.slotId))?.booked).toBe(5);
    expect(await repo.listBookingsOfDate(SLOT.date)).toHaveLength(5);
    console.info(`200-way contention on 5 seats: ${took.toFixed(0)} ms`);
  });

  it('keeps one active booking per policy even when the same policy books twice at once', async () => {
    const results = await Promise.allSettled([
      repo.book(newBooking('880002000001', OTHER)),
      repo.book(newBooking('880002000001', THIRD)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refusal.reason as AppError).userMessage).toBe(ALREADY_BOOKED_MESSAGE);
    const slots = await repo.listSlotsOfDates([OTHER.date]);
    // The losing transaction took no seat: one seat used across both slots.
    expect(slots.filter((s) => s.slotId !== SLOT.slotId).reduce((n, s) => n + s.booked, 0)).toBe(1);
  });

  it('moves a booking once when two reschedules of it race, and counts seats right', async () => {
    const booking = await repo.book(newBooking('880002000002', OTHER));
    const results = await Promise.allSettled([
      repo.reschedule(booking, THIRD, 0, 1),
      repo.reschedule(booking, SLOT, 0, 1),
    ]);
    const moved = results.filter(
      (r): r is PromiseFulfilledResult<CallbackBookingRecord> => r.status === 'fulfilled',
    );
    expect(moved).toHaveLength(1);
    const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // SLOT is full, so the other move is refused either as full or as a booking already moved.
    expect([BOOKING_CHANGED_MESSAGE, SLOT_FULL_MESSAGE]).toContain((refusal.reason as AppError).userMessage);
    const stored = await repo.getBooking('880002000002');
    expect(stored).toMatchObject({ slotId: moved[0]?.value.slotId, rescheduleCount: 1, version: 2 });
    const slots = await repo.listSlotsOfDates([OTHER.date]);
    const seats = Object.fromEntries(slots.map((s) => [s.slotId, s.booked]));
    const active = (await repo.listBookingsOfDate(OTHER.date)).filter((b) => b.status === 'booked');
    for (const slot of slots) {
      expect(seats[slot.slotId], slot.slotId).toBe(active.filter((b) => b.slotId === slot.slotId).length);
    }
  });

  it('lets exactly one of two concurrent reschedules to open slots win', async () => {
    await repo.createSlots(
      [
        { date: '2026-12-02', start: '09:00' },
        { date: '2026-12-02', start: '09:30' },
      ],
      3,
    );
    const booking = await repo.book(
      newBooking('880002000003', { slotId: '202612020900', date: '2026-12-02', start: '09:00' }),
    );
    const target = { slotId: '202612020930', date: '2026-12-02', start: '09:30' };
    const results = await Promise.allSettled([
      repo.reschedule(booking, target, 0, 1),
      repo.reschedule(booking, target, 0, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refusal.reason as AppError).userMessage).toBe(BOOKING_CHANGED_MESSAGE);
    expect((await repo.getSlot('202612020930'))?.booked).toBe(1);
    expect((await repo.getSlot('202612020900'))?.booked).toBe(0);
  });

  it('frees the seat on cancel and refuses to cancel a stale copy', async () => {
    const booking = await repo.book(
      newBooking('880002000004', { slotId: '202612020900', date: '2026-12-02', start: '09:00' }),
    );
    expect((await repo.getSlot('202612020900'))?.booked).toBe(1);
    await repo.cancel(booking, 2);
    expect((await repo.getSlot('202612020900'))?.booked).toBe(0);
    await expect(repo.cancel(booking, 3)).rejects.toMatchObject({ userMessage: BOOKING_CHANGED_MESSAGE });
    expect((await repo.getSlot('202612020900'))?.booked).toBe(0);
  });

  it('carries the move count over a cancellation, and of two rebookings at once one wins', async () => {
    const first = await repo.book(
      newBooking('880002000005', { slotId: '202612020900', date: '2026-12-02', start: '09:00' }),
    );
    const cancelled = await repo.cancel(first, 1);
    const [a, b] = [
      { slotId: '202612030900', date: '2026-12-03', start: '09:00' },
      { slotId: '202612030930', date: '2026-12-03', start: '09:30' },
    ] as const;
    await repo.createSlots([a, b], 2);
    const results = await Promise.allSettled([
      repo.book(newBooking('880002000005', a), cancelled),
      repo.book(newBooking('880002000005', b), cancelled),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<CallbackBookingRecord>).value).toMatchObject({
      rescheduleCount: 1,
      version: 3,
    });
    const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refusal.reason as AppError).userMessage).toBe(ALREADY_BOOKED_MESSAGE);
    expect(await repo.getBooking('880002000005')).toMatchObject({ status: 'booked', rescheduleCount: 1 });
    // The losing transaction took no seat.
    expect(
      ((await repo.getSlot(a.slotId))?.booked ?? 0) + ((await repo.getSlot(b.slotId))?.booked ?? 0),
    ).toBe(1);
  });

  it('never lowers seats below the booked count', async () => {
    await expect(repo.updateSlot(SLOT.slotId, { seats: 4 })).rejects.toMatchObject({ status: 409 });
    expect(await repo.updateSlot(SLOT.slotId, { seats: 6 })).toMatchObject({ seats: 6, booked: 5 });
    expect(await repo.updateSlot(SLOT.slotId, { open: false })).toMatchObject({ open: false });
  });
});
