import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/format/dates';
import {
  dueDatesToScan,
  inQuietHours,
  isPreDebitNoticeDue,
  nextSendableAt,
  preDebitNoticeDay,
  shanghaiClock,
  shanghaiInstant,
} from '../../src/notices/due-notices';
import { DEFAULT_QUIET_HOURS, MAX_LEAD_DAYS } from '../../src/notices/preferences';

const HOUR = 3_600_000;
const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc.integer({
  min: Date.parse('2024-01-01T00:00:00Z'),
  max: Date.parse('2030-12-31T00:00:00Z'),
});
const leadDays = fc.integer({ min: 1, max: MAX_LEAD_DAYS });
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const quietHours = fc.record({ start: hhmm, end: hhmm });

describe('Shanghai clock', () => {
  it('is UTC+8 all year: 16:00 UTC is midnight of the next Shanghai day', () => {
    expect(shanghaiClock(Date.parse('2026-12-31T16:00:00Z'))).toEqual({ date: '2027-01-01', minute: 0 });
    expect(shanghaiClock(Date.parse('2026-12-31T15:59:00Z'))).toEqual({ date: '2026-12-31', minute: 1439 });
  });

  it('round-trips a Shanghai date and time', () => {
    fc.assert(
      fc.property(isoDate, hhmm, (date, time) => {
        const clock = shanghaiClock(shanghaiInstant(date, time));
        expect(clock.date).toBe(date);
        expect(clock.minute).toBe(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
      }),
    );
  });
});

describe('quiet hours', () => {
  it('default 22:00–08:00 wraps midnight', () => {
    const at = (time: string) => shanghaiInstant('2026-11-26', time);
    expect(inQuietHours(at('21:59'), DEFAULT_QUIET_HOURS)).toBe(false);
    expect(inQuietHours(at('22:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(at('03:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(at('07:59'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(inQuietHours(at('08:00'), DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it('equal start and end means no quiet hours', () => {
    fc.assert(fc.property(instant, hhmm, (now, time) => !inQuietHours(now, { start: time, end: time })));
  });

  it('the next sendable moment is never in quiet hours, never earlier, and less than a day away', () => {
    fc.assert(
      fc.property(instant, quietHours, (now, quiet) => {
        const at = nextSendableAt(now, quiet);
        expect(at).toBeGreaterThanOrEqual(now);
        expect(at - now).toBeLessThan(24 * HOUR);
        expect(inQuietHours(at, quiet)).toBe(false);
        if (!inQuietHours(now, quiet)) expect(at).toBe(now);
      }),
    );
  });
});

describe('pre-debit notices due now', () => {
  it('the notice day is exactly lead days before the due date, across month ends and leap days', () => {
    expect(preDebitNoticeDay('2028-03-01', 1)).toBe('2028-02-29');
    expect(preDebitNoticeDay('2027-03-01', 1)).toBe('2027-02-28');
    expect(preDebitNoticeDay('2027-01-05', 15)).toBe('2026-12-21');
    fc.assert(
      fc.property(isoDate, leadDays, (due, lead) => addDays(preDebitNoticeDay(due, lead), lead) === due),
    );
  });

  it('is never due before the notice day, on or after the due date, or in quiet hours', () => {
    fc.assert(
      fc.property(instant, isoDate, leadDays, quietHours, (now, due, lead, quiet) => {
        if (!isPreDebitNoticeDue(now, due, { leadDays: lead, quietHours: quiet })) return;
        const today = shanghaiClock(now).date;
        expect(today >= preDebitNoticeDay(due, lead)).toBe(true);
        expect(today < due).toBe(true);
        expect(inQuietHours(now, quiet)).toBe(false);
      }),
    );
  });

  it('an hourly run finds it on the notice day itself, whatever the quiet hours (unless they fill the day)', () => {
    fc.assert(
      fc.property(isoDate, leadDays, quietHours, (due, lead, quiet) => {
        const noticeDay = preDebitNoticeDay(due, lead);
        const hours = Array.from({ length: 24 }, (_, h) =>
          shanghaiInstant(noticeDay, `${String(h).padStart(2, '0')}:00`),
        );
        const quietAllDay = hours.every((at) => inQuietHours(at, quiet));
        const found = hours.some((at) => isPreDebitNoticeDue(at, due, { leadDays: lead, quietHours: quiet }));
        expect(found).toBe(!quietAllDay);
      }),
    );
  });

  it('with the default quiet hours, is first due at 08:00 Shanghai (00:00 UTC) of the notice day', () => {
    const preference = { leadDays: 3, quietHours: DEFAULT_QUIET_HOURS };
    expect(isPreDebitNoticeDue(Date.parse('2026-11-26T23:00:00Z'), '2026-11-30', preference)).toBe(false);
    expect(isPreDebitNoticeDue(Date.parse('2026-11-27T00:00:00Z'), '2026-11-30', preference)).toBe(true);
    expect(isPreDebitNoticeDue(Date.parse('2026-11-29T15:59:00Z'), '2026-11-30', preference)).toBe(false);
  });

  it('the scheduler scans every due date a notice due now can announce', () => {
    fc.assert(
      fc.property(instant, isoDate, leadDays, (now, due, lead) => {
        if (isPreDebitNoticeDue(now, due, { leadDays: lead, quietHours: { start: '00:00', end: '00:00' } }))
          expect(dueDatesToScan(now)).toContain(due);
      }),
    );
  });
});
