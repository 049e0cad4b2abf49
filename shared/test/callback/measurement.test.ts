import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_CASE_SOURCE, callbackCaseId, callbackMeasurement } from '../../src/callback/measurement';
import { BOOKING_STATUSES } from '../../src/callback/schemas';
import { defaultBusinessCalendar } from '../../src/complaints/calendar';
import type { CallbackBookingRecord } from '../../src/ports/callback-bookings';
import { SEEDED_STANDARDS } from '../../src/standards/catalogue';
import { inEventOrder, type MeasurementEvent, measureCase } from '../../src/standards/measure';

/** The new-policy callback in the service standards: what a booking reports, and how it is measured. */
const DAY = 86_400_000;
const RECEIPT = Date.parse('2026-12-01T02:00:00Z');
const POLICY = '8831010000009';
const standard = SEEDED_STANDARDS.find((s) => s.journey === 'new_policy_callback')!;

const booking = (status: CallbackBookingRecord['status'], recordedAt: number): CallbackBookingRecord => ({
  policyNo: POLICY,
  slotId: 'S20261203T1000',
  date: '2026-12-03',
  start: '10:00',
  status,
  customerId: 'C001',
  branchPath: 'HQ/SH/SH-PD',
  rescheduleCount: 0,
  reminderDueAt: RECEIPT,
  reminderSentAt: null,
  outcome: status === 'booked' ? null : { points: null, note: null, recordedBy: 'demo-staff-sh', recordedAt },
  version: 2,
  updatedAt: recordedAt,
});

/** The policy administration system's receipt, as the signed ingestion route stores it. */
const receipt: MeasurementEvent = {
  eventId: `${CALLBACK_CASE_SOURCE}:receipt-${POLICY}`,
  type: 'new_policy_callback.receipt_signed',
  at: RECEIPT,
  caseId: `${CALLBACK_CASE_SOURCE}:${POLICY}`,
  branchPath: 'HQ/SH/SH-PD',
  policyNo: POLICY,
  actor: CALLBACK_CASE_SOURCE,
  source: 'ingested',
};

describe('the callback measurement', () => {
  it('is reported exactly when the call reached the holder (completed or a problem case), in the case the receipt opened', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BOOKING_STATUSES),
        fc.integer({ min: 0, max: 30 * DAY }),
        (status, after) => {
          const event = callbackMeasurement(booking(status, RECEIPT + after));
          expect(event !== null).toBe(status === 'completed' || status === 'problem');
          if (event) {
            expect(event).toMatchObject({
              type: 'new_policy_callback.completed',
              at: RECEIPT + after,
              caseId: receipt.caseId,
              policyNo: POLICY,
              source: 'system',
            });
            expect(event.caseId).toBe(callbackCaseId(POLICY));
          }
        },
      ),
    );
  });

  it('meets the standard inside the 15-day cooling-off period, and breaches it after', () => {
    const measure = (completedAfter: number | null, now: number) =>
      measureCase(
        standard,
        inEventOrder([
          receipt,
          ...(completedAfter === null
            ? []
            : [callbackMeasurement(booking('completed', RECEIPT + completedAfter))!]),
        ]),
        defaultBusinessCalendar,
        now,
      );
    expect(measure(14 * DAY, RECEIPT + 20 * DAY)?.status).toBe('met');
    expect(measure(16 * DAY, RECEIPT + 20 * DAY)?.status).toBe('breached');
    expect(measure(null, RECEIPT + 3 * DAY)?.status).toBe('open');
    expect(measure(null, RECEIPT + 16 * DAY)?.status).toBe('breached');
  });
});
