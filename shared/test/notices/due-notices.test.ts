import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/format/dates';
import {
  inQuietHours,
  isPreDebitNoticeDue,
  NOTIFY_ON_WRITE_MARGIN_MINUTES,
  nextSendableAt,
  notifyOnRanges,
  notifyOnSlot,
  preDebitNoticeDay,
  preDebitNotifyAt,
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
});

describe('the notify-on index key (the minute a pre-debit notice falls due)', () => {
  const MINUTE = 60_000;
  const preference = fc.record({ leadDays, quietHours });
  const written = fc.integer({
    min: Date.parse('2023-12-01T00:00:00Z'),
    max: Date.parse('2030-12-31T00:00:00Z'),
  });

  it('is a minute at which the rule makes the notice due, never before it was written', () => {
    fc.assert(
      fc.property(isoDate, preference, written, (due, pref, at) => {
        const notifyAt = preDebitNotifyAt(due, pref, at);
        if (notifyAt === null) return;
        expect(notifyAt % MINUTE).toBe(0);
        expect(notifyAt).toBeGreaterThanOrEqual(at + (NOTIFY_ON_WRITE_MARGIN_MINUTES - 1) * MINUTE);
        expect(isPreDebitNoticeDue(notifyAt, due, pref)).toBe(true);
      }),
    );
  });

  it('is the first such minute: nothing in the notice window is due earlier, and null means never', () => {
    fc.assert(
      fc.property(isoDate, preference, (due, pref) => {
        const notifyAt = preDebitNotifyAt(due, pref, 0);
        const start = shanghaiInstant(preDebitNoticeDay(due, pref.leadDays), '00:00');
        // Quiet hours are on quarter hours: checking every quarter hour of the window is exhaustive.
        for (let at = start; at < shanghaiInstant(due, '00:00'); at += 15 * MINUTE)
          if (isPreDebitNoticeDue(at, due, pref)) {
            expect(notifyAt).not.toBeNull();
            expect(at).toBeGreaterThanOrEqual(notifyAt!);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('is written a couple of minutes ahead when the notice is due already (a late preference or import)', () => {
    const pref = { leadDays: 3, quietHours: DEFAULT_QUIET_HOURS };
    const at = shanghaiInstant('2027-06-08', '10:30') + 17_000;
    expect(notifyOnSlot(preDebitNotifyAt('2027-06-10', pref, at)!)).toEqual({
      day: '2027-06-08',
      time: '10:32',
    });
    // Written at 21:59 the next minutes are quiet: it falls due when they end.
    const late = shanghaiInstant('2027-06-08', '21:59');
    expect(notifyOnSlot(preDebitNotifyAt('2027-06-10', pref, late)!)).toEqual({
      day: '2027-06-09',
      time: '08:00',
    });
    // Written on the day before the debit after the last sendable minute: none.
    expect(preDebitNotifyAt('2027-06-10', pref, shanghaiInstant('2027-06-09', '22:30'))).toBeNull();
  });
});

describe("the runs' ranges of the notify-on index", () => {
  const inRanges = (at: number, ranges: ReturnType<typeof notifyOnRanges>) => {
    const { day, time } = notifyOnSlot(at);
    return ranges.some(
      (r) => r.day === day && (r.after === null || time > r.after) && (r.upTo === null || time <= r.upTo),
    );
  };
  const MINUTE = 60_000;

  it("put every minute between the first run's reach and the last run in exactly one run, whatever the gaps", () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(fc.integer({ min: 1, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        (first, gaps, back) => {
          const runs = [first];
          for (const gap of gaps) runs.push(runs.at(-1)! + gap * MINUTE + 7_000);
          const last = runs.at(-1)!;
          const minute = Math.floor(last / MINUTE) * MINUTE - back * MINUTE;
          let covered: number | null = null;
          let hits = 0;
          for (const now of runs) {
            if (inRanges(minute, notifyOnRanges(covered, now))) hits++;
            covered = now;
          }
          expect(hits).toBeLessThanOrEqual(1);
          // Everything from MAX_LEAD_DAYS days before the first run up to the last is read once.
          const reach = shanghaiInstant(addDays(shanghaiClock(first).date, -MAX_LEAD_DAYS), '00:00');
          if (minute >= reach) expect(hits).toBe(1);
        },
      ),
    );
  });

  it('catch up a missed hour: the 11:00 run after the 09:00 run reads 10:00', () => {
    const nine = shanghaiInstant('2027-06-08', '09:00');
    const eleven = shanghaiInstant('2027-06-08', '11:00');
    expect(notifyOnRanges(nine, eleven)).toEqual([{ day: '2027-06-08', after: '09:00', upTo: '11:00' }]);
    expect(notifyOnRanges(eleven, eleven)).toEqual([]);
    // Across midnight: the rest of one day and the start of the next.
    expect(
      notifyOnRanges(shanghaiInstant('2027-06-08', '23:00'), shanghaiInstant('2027-06-09', '00:00')),
    ).toEqual([
      { day: '2027-06-08', after: '23:00', upTo: null },
      { day: '2027-06-09', after: null, upTo: '00:00' },
    ]);
  });
});
