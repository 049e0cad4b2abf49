import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import businessCalendarJson from '../../../config/business-calendar.json';
import {
  addBusinessMillis,
  BusinessCalendarSchema,
  businessMillisBetween,
  CalendarOutOfRangeError,
  defaultBusinessCalendar as cal,
  DAY_MS,
  loadBusinessCalendar,
  nextDate,
  shanghaiDate,
  startOfShanghaiDay,
  weekdayOf,
} from '../../src/complaints/calendar';
import {
  CLOCK_RULES,
  type ClockEvent,
  computeClocks,
  statutoryDeadline,
  statutoryLimitDays,
} from '../../src/complaints/clocks';

const HOUR = 3_600_000;
/** An instant within the imported years, away from the last days of 2026 (a clock runs past them). */
const instant = fc.integer({
  min: Date.parse('2024-12-31T16:00:00Z'),
  max: Date.parse('2026-10-31T15:59:59Z'),
});
const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString();
const clock = (events: ClockEvent[], now: string, severity: 'urgent' | 'ordinary' = 'urgent') =>
  Object.fromEntries(computeClocks(cal, events, severity, new Date(now)).map((c) => [c.clock, c]));

describe('business calendar', () => {
  it("the repository's calendar file has the imported shape (the functions index it without the schema)", () => {
    expect(BusinessCalendarSchema.safeParse(businessCalendarJson).success).toBe(true);
    expect(loadBusinessCalendar(businessCalendarJson).years).toEqual(cal.years);
  });

  it('knows the 调休 Saturdays and Sundays as working days, and the holidays as rest days', () => {
    expect(cal.isBusinessDay('2025-01-26')).toBe(true); // Sunday before 春节
    expect(cal.isBusinessDay('2025-02-08')).toBe(true); // Saturday after 春节
    expect(cal.isBusinessDay('2026-02-14')).toBe(true);
    expect(cal.isBusinessDay('2026-10-10')).toBe(true);
    expect(cal.isBusinessDay('2025-10-08')).toBe(false);
    expect(cal.holidayName('2026-02-17')).toBe('春节');
    expect(cal.isBusinessDay('2026-06-19')).toBe(false); // 端午, a Friday
    expect(cal.isBusinessDay('2026-06-20')).toBe(false); // an ordinary Saturday
    expect(cal.isBusinessDay('2026-06-22')).toBe(true);
  });

  it('refuses a date outside the imported years explicitly, never guessing', () => {
    expect(() => cal.isBusinessDay('2027-01-04')).toThrow(CalendarOutOfRangeError);
    expect(() => cal.isBusinessDay('2024-12-31')).toThrow(/业务日历未包含 2024 年/);
    // Year end: the last business day of 2026 is known, the step into 2027 is refused.
    expect(cal.isBusinessDay('2026-12-31')).toBe(true);
    expect(() => cal.addBusinessDays('2026-12-31', 1)).toThrow(CalendarOutOfRangeError);
  });

  it('crosses a year end inside the imported years (2025-12-31 → 2026-01-05, past 元旦 and the 调休 Sunday)', () => {
    expect(cal.addBusinessDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.addBusinessDays('2025-12-31', 2)).toBe('2026-01-05');
  });

  it('refuses bad calendar data with a precise message', () => {
    const year = (
      workingWeekends: string[],
      holidays = [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }],
    ) => ({
      timeZone: 'Asia/Shanghai',
      source: 'test',
      years: { '2025': { notice: 'n', holidays, workingWeekends } },
    });
    expect(() => loadBusinessCalendar(year(['2025-01-27']))).toThrow(/不是周末/);
    expect(() => loadBusinessCalendar(year(['2026-01-04']))).toThrow(/不属于该年/);
    expect(() =>
      loadBusinessCalendar(year([], [{ name: 'x', from: '2025-02-30', to: '2025-02-30' }])),
    ).toThrow(/不是有效日期/);
    expect(() =>
      loadBusinessCalendar(year([], [{ name: 'x', from: '2025-01-05', to: '2025-01-04' }])),
    ).toThrow(/早于/);
  });

  it('property: a weekday that is no holiday is a business day; a weekend is one only when listed as 调休', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const day = shanghaiDate(ms);
        const weekend = [0, 6].includes(weekdayOf(day));
        const holiday = cal.holidayName(day) !== undefined;
        if (!weekend && !holiday) expect(cal.isBusinessDay(day)).toBe(true);
        if (holiday) expect(cal.isBusinessDay(day)).toBe(false);
      }),
    );
  });

  it('property: business time added then measured gives the same amount, and the result is on a business day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5 * DAY_MS }), (from, amount) => {
        const due = addBusinessMillis(cal, from, amount);
        expect(businessMillisBetween(cal, from, due)).toBe(amount);
        // The last moment counted belongs to a business day.
        expect(cal.isBusinessDay(shanghaiDate(due - 1))).toBe(true);
      }),
    );
  });

  /** Business time counted day by day from isBusinessDay: the definition the indexed arithmetic must match. */
  const countedDayByDay = (calendar: typeof cal, from: number, to: number) => {
    let total = 0;
    for (let day = shanghaiDate(from); startOfShanghaiDay(day) < to; day = nextDate(day))
      if (calendar.isBusinessDay(day))
        total += Math.min(startOfShanghaiDay(day) + DAY_MS, to) - Math.max(startOfShanghaiDay(day), from);
    return Math.max(0, total);
  };

  it('property: the indexed business time equals the day-by-day count, across year ends and holidays', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * DAY_MS }), (from, span) => {
        expect(businessMillisBetween(cal, from, from + span)).toBe(countedDayByDay(cal, from, from + span));
      }),
    );
  });

  it('a calendar with a year missing between two imported ones counts inside each and refuses across the gap', () => {
    const year = (n: number) => ({ notice: `国办发明电〔${n - 1}〕`, holidays: [], workingWeekends: [] });
    const gapped = loadBusinessCalendar({
      timeZone: 'Asia/Shanghai',
      source: 'test',
      years: { 2024: year(2024), 2026: year(2026) },
    });
    const dec30 = Date.parse(shanghai('2024-12-30T12:00:00'));
    // Monday 12:00 → Tuesday 24:00: 12 h + 24 h.
    expect(businessMillisBetween(gapped, dec30, Date.parse(shanghai('2025-01-01T00:00:00')))).toBe(36 * HOUR);
    expect(() => businessMillisBetween(gapped, dec30, Date.parse(shanghai('2025-01-02T00:00:00')))).toThrow(
      /业务日历未包含 2025 年/,
    );
    expect(() => addBusinessMillis(gapped, dec30, 3 * DAY_MS)).toThrow(/业务日历未包含 2025 年/);
    const jan2 = Date.parse(shanghai('2026-01-02T09:00:00')); // a Friday
    expect(addBusinessMillis(gapped, jan2, DAY_MS)).toBe(Date.parse(shanghai('2026-01-05T09:00:00')));
  });

  it('property: business time never exceeds calendar time and grows with the window', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        fc.integer({ min: 0, max: DAY_MS }),
        (a, span, more) => {
          const m = businessMillisBetween(cal, a, a + span);
          expect(m).toBeLessThanOrEqual(span);
          expect(businessMillisBetween(cal, a, a + span + more)).toBeGreaterThanOrEqual(m);
        },
      ),
    );
  });
});

describe('complaint clocks', () => {
  it('a complaint received on a Friday evening before a holiday: the response is due the next business day at the same time', () => {
    // 2026-04-03 (Fri) 20:00; 清明 runs Sat 04-04 to Mon 04-06.
    const received = shanghai('2026-04-03T20:00:00');
    const c = clock([{ type: 'received', at: received }], shanghai('2026-04-03T21:00:00'));
    expect(c.external_response?.dueAt).toBe(shanghai('2026-04-07T20:00:00'));
    expect(c.internal_contact?.dueAt).toBe(shanghai('2026-04-03T22:00:00'));
    // 15 days later is 04-18, a Saturday: the statutory period ends at 24:00 on Monday 04-20.
    expect(c.statutory_decision?.dueAt).toBe(shanghai('2026-04-21T00:00:00'));
  });

  it('a Friday evening before 春节 2025 counts the 调休 Sunday as the business day', () => {
    const received = shanghai('2025-01-24T20:00:00');
    const c = clock([{ type: 'received', at: received }], received, 'ordinary');
    expect(c.external_response?.dueAt).toBe(shanghai('2025-01-26T20:00:00'));
    expect(c.internal_contact?.state).toBe('not_applicable');
  });

  it('the statutory deadline falls past a holiday and is extendable to 30 and 60 days', () => {
    // Received 2026-09-20: +15 = 10-05, inside 国庆; the last day becomes 10-08.
    const received = shanghai('2026-09-20T10:00:00');
    expect(statutoryDeadline(cal, received, 15)).toBe(shanghai('2026-10-09T00:00:00'));
    const events: ClockEvent[] = [
      { type: 'received', at: received },
      { type: 'extended', at: shanghai('2026-10-01T09:00:00'), limitDays: 30 },
    ];
    expect(statutoryLimitDays(events)).toBe(30);
    expect(
      statutoryLimitDays([
        ...events,
        { type: 'extended', at: shanghai('2026-10-15T09:00:00'), limitDays: 60 },
      ]),
    ).toBe(60);
  });

  it('a clock reaching a year not imported says so; the other clocks still count', () => {
    const received = shanghai('2026-12-20T10:00:00'); // +15 days is in 2027
    const c = clock([{ type: 'received', at: received }], shanghai('2026-12-20T13:00:00'));
    expect(c.statutory_decision).toMatchObject({ state: 'calendar_missing', dueAt: null });
    expect(c.statutory_decision?.problem).toMatch(/业务日历未包含 2027 年/);
    expect(c.internal_contact?.state).toBe('breached');
    // Received on a Sunday: counting starts Monday 00:00, so the response is due at its end.
    expect(c.external_response?.dueAt).toBe(shanghai('2026-12-22T00:00:00'));
  });

  it('warns at 80 % and breaches when the budget is spent; a stop in time is met, a late one breached', () => {
    const received = shanghai('2026-03-02T09:00:00');
    const events: ClockEvent[] = [{ type: 'received', at: received }];
    expect(clock(events, shanghai('2026-03-02T10:30:00')).internal_contact?.state).toBe('running');
    expect(clock(events, shanghai('2026-03-02T10:36:00')).internal_contact?.state).toBe('warning');
    expect(clock(events, shanghai('2026-03-02T11:00:00')).internal_contact?.state).toBe('breached');
    expect(
      clock(
        [...events, { type: 'contacted', at: shanghai('2026-03-02T10:59:00') }],
        shanghai('2026-03-05T00:00:00'),
      ).internal_contact?.state,
    ).toBe('met');
    expect(
      clock(
        [...events, { type: 'contacted', at: shanghai('2026-03-02T11:01:00') }],
        shanghai('2026-03-05T00:00:00'),
      ).internal_contact?.state,
    ).toBe('breached');
  });

  it('the one pause rule: only the external response pauses while waiting for the customer', () => {
    expect(
      Object.entries(CLOCK_RULES)
        .filter(([, r]) => r.pausable)
        .map(([name]) => name),
    ).toEqual(['external_response']);
    const received = shanghai('2026-03-02T09:00:00'); // Monday
    const events: ClockEvent[] = [
      { type: 'received', at: received },
      { type: 'awaiting_customer', at: shanghai('2026-03-02T10:00:00') },
      { type: 'customer_replied', at: shanghai('2026-03-04T10:00:00') },
    ];
    const c = clock(events, shanghai('2026-03-04T11:00:00'));
    expect(c.external_response?.dueAt).toBe(shanghai('2026-03-05T09:00:00'));
    expect(c.statutory_decision?.dueAt).toBe(statutoryDeadline(cal, received, 15));
    expect(c.internal_contact?.dueAt).toBe(shanghai('2026-03-02T11:00:00'));
    const whilePaused = clock(events.slice(0, 2), shanghai('2026-03-03T12:00:00'));
    expect(whilePaused.external_response?.state).toBe('paused');
    expect(whilePaused.external_response?.dueAt).toBeNull();
    expect(whilePaused.internal_contact?.state).toBe('breached');
  });

  it('property: the statutory clock never pauses, whatever the customer does', () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 * DAY_MS }), fc.boolean()), { maxLength: 6 }),
        (start, steps) => {
          const received = new Date(start).toISOString();
          const events: ClockEvent[] = [
            { type: 'received', at: received },
            ...steps.map(([offset, waiting]) => ({
              type: waiting ? ('awaiting_customer' as const) : ('customer_replied' as const),
              at: new Date(start + offset).toISOString(),
            })),
          ];
          const c = clock(events, new Date(start + 11 * DAY_MS).toISOString());
          expect(c.statutory_decision?.dueAt).toBe(statutoryDeadline(cal, received, 15));
          expect(c.internal_contact?.dueAt).toBe(new Date(start + 2 * HOUR).toISOString());
        },
      ),
    );
  });

  it('property: the statutory deadline is midnight after a business day, 15 to 15+9 days after the receipt date', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const due = Date.parse(statutoryDeadline(cal, new Date(ms).toISOString(), 15));
        const lastDay = shanghaiDate(due - 1);
        expect(startOfShanghaiDay(nextDate(lastDay))).toBe(due);
        expect(cal.isBusinessDay(lastDay)).toBe(true);
        const days = (startOfShanghaiDay(lastDay) - startOfShanghaiDay(shanghaiDate(ms))) / DAY_MS;
        expect(days).toBeGreaterThanOrEqual(15);
        expect(days).toBeLessThanOrEqual(24);
        // Any day between the nominal last day and the real one is a rest day.
        for (let d = nextDate(shanghaiDate(ms), 15); d < lastDay; d = nextDate(d))
          expect(cal.isBusinessDay(d)).toBe(false);
      }),
    );
  });

  it('property: the response is due within 1 business day of receipt, warned at 80 % of it', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const c = clock([{ type: 'received', at: new Date(ms).toISOString() }], new Date(ms).toISOString());
        const due = Date.parse(c.external_response?.dueAt ?? '');
        const warn = Date.parse(c.external_response?.warnAt ?? '');
        expect(businessMillisBetween(cal, ms, due)).toBe(DAY_MS);
        expect(businessMillisBetween(cal, ms, warn)).toBe(0.8 * DAY_MS);
        expect(warn).toBeLessThanOrEqual(due);
      }),
    );
  });
});
