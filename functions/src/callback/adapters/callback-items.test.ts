import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import { describe, expect, it } from 'vitest';
import { callbackBookingItem, callbackFollowUpItem, callbackSlotItem } from './callback-bookings';

/**
 * The callback's items exactly as they have always been stored: keys, index keys, attributes and
 * the entity markers, which
 * the seed, the benchmarks and older readers rely on.
 */
const booking: CallbackBookingRecord = {
  policyNo: '8811010100001',
  slotId: '202612010930',
  date: '2026-12-01',
  start: '09:30',
  status: 'booked',
  customerId: 'C001',
  branchPath: 'HQ/SH/PD',
  rescheduleCount: 1,
  // 2026-12-01 09:00 in Shanghai; the reminder day is Shanghai's, not UTC's.
  reminderDueAt: 1_796_086_800_000,
  reminderSentAt: null,
  outcome: null,
  version: 2,
  updatedAt: 1_764_000_000_000,
};

/** The booking's item, written out. */
const bookedItem = {
  pk: 'POLICY#8811010100001',
  sk: 'CALLBACK',
  gsi1pk: 'CALLBACKDAY#2026-12-01',
  gsi1sk: '09:30#8811010100001',
  gsi2pk: 'CALLBACKREMINDERS#2026-12-01',
  gsi2sk: '1796086800000#8811010100001',
  policyNo: '8811010100001',
  slotId: '202612010930',
  date: '2026-12-01',
  start: '09:30',
  status: 'booked',
  customerId: 'C001',
  branchPath: 'HQ/SH/PD',
  rescheduleCount: 1,
  reminderDueAt: 1_796_086_800_000,
  reminderDay: '2026-12-01',
  version: 2,
  updatedAt: 1_764_000_000_000,
  __edb_e__: 'callbackBooking',
  __edb_v__: '1',
};

describe('the callback items', () => {
  it('a slot: one item per slot in its day partition', () => {
    expect(callbackSlotItem({ date: '2026-12-01', start: '09:30', seats: 3, booked: 0, open: true })).toEqual(
      {
        pk: 'CALLBACKSLOT#2026-12-01',
        sk: 'SLOT#09:30',
        date: '2026-12-01',
        start: '09:30',
        seats: 3,
        booked: 0,
        open: true,
        __edb_e__: 'callbackSlot',
        __edb_v__: '1',
      },
    );
  });

  it('a booked booking: no reminder sent, no outcome', () => {
    expect(callbackBookingItem(booking)).toEqual(bookedItem);
  });

  it("a holder's own booking has no branch path; a reminder just before Shanghai's midnight", () => {
    const { branchPath: _, ...holder } = booking;
    const item = callbackBookingItem({ ...holder, reminderDueAt: 1_796_054_399_999 });
    expect(item).not.toHaveProperty('branchPath');
    expect(item).toMatchObject({
      gsi2pk: 'CALLBACKREMINDERS#2026-11-30',
      gsi2sk: '1796054399999#8811010100001',
      reminderDay: '2026-11-30',
    });
  });

  it('a recorded outcome: the seven points only, no absent member, the reminder kept', () => {
    const item = callbackBookingItem({
      ...booking,
      status: 'problem',
      reminderSentAt: 1_796_086_900_000,
      outcome: {
        points: { identity: true, personalSignature: false, notAPoint: true } as never,
        note: '否认亲笔签名',
        recordedBy: 'S001',
        recordedAt: 1_764_560_000_000,
      },
    });
    expect(item).toEqual({
      ...bookedItem,
      status: 'problem',
      reminderSentAt: 1_796_086_900_000,
      outcome: {
        points: { identity: true, personalSignature: false },
        note: '否认亲笔签名',
        recordedBy: 'S001',
        recordedAt: 1_764_560_000_000,
      },
    });
    const bare = callbackBookingItem({
      ...booking,
      status: 'unreachable',
      outcome: { points: null, note: null, recordedBy: 'S001', recordedAt: 1_764_560_000_000 },
    });
    expect(bare.outcome).toEqual({ recordedBy: 'S001', recordedAt: 1_764_560_000_000 });
  });

  it('a problem case: in the open-cases index while open, out of it once resolved', () => {
    const open = {
      policyNo: '8811010100001',
      customerId: 'C001',
      branchPath: 'HQ/SH/PD',
      note: '否认亲笔签名',
      disputesSale: false,
      raisedBy: 'S001',
      raisedAt: 1_764_560_000_000,
      status: 'open' as const,
      resolution: null,
    };
    const attributes = {
      pk: 'POLICY#8811010100001',
      sk: 'CALLBACKFOLLOWUP',
      policyNo: '8811010100001',
      customerId: 'C001',
      branchPath: 'HQ/SH/PD',
      note: '否认亲笔签名',
      raisedBy: 'S001',
      raisedAt: 1_764_560_000_000,
      __edb_e__: 'callbackFollowUp',
      __edb_v__: '1',
    };
    expect(callbackFollowUpItem(open)).toEqual({
      ...attributes,
      gsi1pk: 'CALLBACKFOLLOWUPS#OPEN',
      gsi1sk: 'HQ/SH/PD/#1764560000000#8811010100001',
      status: 'open',
    });
    const resolution = { note: '已回访确认', resolvedBy: 'S002', resolvedAt: 1_764_600_000_000 };
    expect(callbackFollowUpItem({ ...open, status: 'resolved', resolution })).toEqual({
      ...attributes,
      status: 'resolved',
      resolution,
    });
  });
});
