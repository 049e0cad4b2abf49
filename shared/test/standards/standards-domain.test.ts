import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMillisBetween, defaultBusinessCalendar as cal } from '../../src/complaints/calendar';
import {
  type AttainmentCell,
  AttainmentFold,
  AttainmentProjection,
  cellsOf,
  computeAttainment,
  type MeasuredCase,
  periodOf,
} from '../../src/standards/attainment';
import { SEEDED_STANDARDS } from '../../src/standards/catalogue';
import {
  compareDurations,
  compareProportions,
  evaluateVersion,
  normalCdf,
} from '../../src/standards/evaluation';
import {
  clockMillis,
  inEventOrder,
  type MeasurementEvent,
  measureCase,
  measureOrSkip,
} from '../../src/standards/measure';
import {
  appliesTo,
  type StandardDefinition,
  type StandardVersion,
  transition,
  VERSION_STATUSES,
  versionInForce,
} from '../../src/standards/model';
import { eventLabel } from '../../src/standards/view';

const HOUR = 3_600_000;
const MIN = 60_000;
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const instant = fc.integer({
  min: Date.parse('2025-01-01T00:00:00Z'),
  max: Date.parse('2026-10-31T00:00:00Z'),
});

const reviewed: StandardDefinition = {
  standardId: 'endorsement-review',
  journey: 'endorsement',
  touchpoint: '人工审核',
  name: '需审核的保全 1 个工作日内作出决定',
  metric: {
    kind: 'duration',
    start: ['endorsement.submitted_for_review'],
    stop: ['endorsement.approved', 'endorsement.rejected'],
    pauses: [{ pause: 'endorsement.awaiting_customer', resume: 'endorsement.customer_replied' }],
  },
  target: { limitMs: 24 * HOUR, bound: 'within', clock: { kind: 'business_days' }, requiredShare: 0.95 },
  scope: [],
  benchmark: { value: '1 个工作日', source: '同业调研' },
  measuredFrom: '',
};

const version = (v: Partial<StandardVersion> = {}): StandardVersion => ({
  ...reviewed,
  version: 1,
  status: 'draft',
  pilotBranches: [],
  steps: {},
  createdAt: 0,
  ...v,
});

let seq = 0;
const ev = (type: string, at: number, over: Partial<MeasurementEvent> = {}): MeasurementEvent => ({
  eventId: `e${String(++seq).padStart(6, '0')}`,
  type,
  at,
  caseId: 'case-1',
  branchPath: 'HQ/SH/SH-PD',
  policyNo: 'P1',
  actor: 'u1',
  source: 'system',
  ...over,
});

describe('life cycle', () => {
  it('walks the seven steps forward only, and refuses every other move with the reason', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERSION_STATUSES), { maxLength: 10 }), (moves) => {
        let v = version({ scope: ['HQ/SH'] });
        for (const to of moves) {
          const before = v.status;
          const r = transition(v, to, 1, ['HQ/SH/SH-PD']);
          const allowed = VERSION_STATUSES.indexOf(to) === VERSION_STATUSES.indexOf(before) + 1;
          expect(r.ok).toBe(allowed);
          if (r.ok) v = r.version;
          else expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
    );
  });
  it('pilots only in chosen branches inside the scope', () => {
    const locked = version({ status: 'locked', scope: ['HQ/SH'] });
    expect(transition(locked, 'pilot', 1, [])).toEqual({ ok: false, message: '试点须至少选择一个机构' });
    expect(transition(locked, 'pilot', 1, ['HQ/BJ']).ok).toBe(false);
    const piloted = transition(locked, 'pilot', 100, ['HQ/SH/SH-PD']);
    expect(piloted.ok && appliesTo(piloted.version, 'HQ/SH/SH-PD/SH-PD-01', 100)).toBe(true);
    expect(piloted.ok && appliesTo(piloted.version, 'HQ/SH/SH-MH', 100)).toBe(false);
    expect(piloted.ok && appliesTo(piloted.version, 'HQ/SH/SH-PD', 99)).toBe(false);
  });
  it('judges a case by the version in force when it started, even if a newer one came mid-case', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 * 24 * HOUR }), (start, gap) => {
        const v1 = version({ version: 1, status: 'rolled_out', steps: { rolled_out: start - 1 } });
        const v2 = version({ version: 2, status: 'rolled_out', steps: { rolled_out: start + gap } });
        expect(versionInForce([v2, v1], 'HQ/SH', start)?.version).toBe(1);
        expect(versionInForce([v1, v2], 'HQ/SH', start + gap)?.version).toBe(2);
        expect(versionInForce([v1, v2], 'HQ/SH', start - 2)).toBeUndefined();
      }),
    );
  });
});

describe('measuring a case', () => {
  it('a missing stop event leaves the case open — never met — and breached once the time is spent', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 24 * HOUR }), (start, wait) => {
        const outcome = measureCase(
          reviewed,
          [ev('endorsement.submitted_for_review', start)],
          cal,
          start + wait,
        );
        expect(outcome?.status).not.toBe('met');
        expect(outcome?.stopAt).toBeNull();
        const spent = businessMillisBetween(cal, start, start + wait) > 24 * HOUR;
        expect(outcome?.status).toBe(spent ? 'breached' : 'open');
      }),
    );
  });
  it('the order events arrive in does not change the outcome', () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(fc.integer({ min: 0, max: 5 * 24 * HOUR }), { minLength: 2, maxLength: 6 }),
        fc.integer(),
        (start, offsets, seed) => {
          const types = ['endorsement.awaiting_customer', 'endorsement.customer_replied'];
          const events = [
            ev('endorsement.submitted_for_review', start),
            ...offsets.map((o, i) => ev(types[i % 2] as string, start + o)),
            ev('endorsement.approved', start + Math.max(...offsets) + HOUR),
          ];
          const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length }), {
            seed,
            numRuns: 1,
          })[0];
          const a = measureCase(reviewed, inEventOrder(events), cal, start);
          const b = measureCase(reviewed, inEventOrder(shuffled ?? events), cal, start);
          expect(b).toEqual(a);
        },
      ),
    );
  });
  it('paused time does not count, and a pause never makes the time longer', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3 * 24 * HOUR }),
        fc.integer({ min: 0, max: 3 * 24 * HOUR }),
        fc.integer({ min: 0, max: 3 * 24 * HOUR }),
        (start, toPause, pauseLength, afterResume) => {
          const pauseAt = start + toPause;
          const resumeAt = pauseAt + pauseLength;
          const stopAt = resumeAt + afterResume;
          const withPause = measureCase(
            reviewed,
            inEventOrder([
              ev('endorsement.submitted_for_review', start),
              ev('endorsement.awaiting_customer', pauseAt),
              ev('endorsement.customer_replied', resumeAt),
              ev('endorsement.approved', stopAt),
            ]),
            cal,
            stopAt,
          );
          const plain = measureCase(
            reviewed,
            [ev('endorsement.submitted_for_review', start), ev('endorsement.approved', stopAt)],
            cal,
            stopAt,
          );
          expect(withPause?.elapsedMs).toBe(
            businessMillisBetween(cal, start, stopAt) - businessMillisBetween(cal, pauseAt, resumeAt),
          );
          expect(withPause?.elapsedMs ?? 0).toBeLessThanOrEqual(plain?.elapsedMs ?? 0);
        },
      ),
    );
  });
  it('counts business days on the calendar: a Friday-evening submission decided Monday morning is met', () => {
    // 2026-11-13 is a Friday.
    const outcome = measureCase(
      reviewed,
      [
        ev('endorsement.submitted_for_review', shanghai('2026-11-13T17:00:00')),
        ev('endorsement.approved', shanghai('2026-11-16T10:00:00')),
      ],
      cal,
      0,
    );
    expect(outcome).toMatchObject({ status: 'met', elapsedMs: 17 * HOUR });
    // Across the National Day holiday (10-01 … 10-07; Saturday 10-10 is worked).
    const holiday = measureCase(
      reviewed,
      [
        ev('endorsement.submitted_for_review', shanghai('2026-09-30T12:00:00')),
        ev('endorsement.approved', shanghai('2026-10-08T11:00:00')),
      ],
      cal,
      0,
    );
    expect(holiday).toMatchObject({ status: 'met', elapsedMs: 23 * HOUR });
  });
  it('service hours count only the minutes inside the window, on business days when asked', () => {
    const clock = {
      kind: 'service_hours',
      fromMinute: 9 * 60,
      toMinute: 18 * 60,
      businessDaysOnly: true,
    } as const;
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 24 * HOUR }), (from, span) => {
        const inside = clockMillis(clock, cal, from, from + span);
        expect(inside).toBeGreaterThanOrEqual(0);
        expect(inside).toBeLessThanOrEqual(businessMillisBetween(cal, from, from + span));
      }),
    );
    expect(clockMillis(clock, cal, shanghai('2026-12-04T17:59:30'), shanghai('2026-12-07T09:00:30'))).toBe(
      MIN,
    );
  });
  it('leaves out, rather than guesses, a business-day case in a year the calendar lacks', () => {
    const late = [ev('endorsement.submitted_for_review', Date.parse('2031-03-03T02:00:00Z'))];
    expect(() => measureCase(reviewed, late, cal, Date.parse('2031-03-04T02:00:00Z'))).toThrow(
      /业务日历未包含 2031 年/,
    );
    expect(measureOrSkip(reviewed, late, cal, Date.parse('2031-03-04T02:00:00Z'))).toBeNull();
  });
  it('a rate case is met only when delivered; an undelivered one stays open', () => {
    const rate: Pick<StandardDefinition, 'metric' | 'target'> = {
      metric: { kind: 'rate', eligible: ['callback.due'], delivered: ['callback.completed'] },
      target: { requiredShare: 0.9 },
    };
    expect(measureCase(rate, [ev('callback.due', 1)], cal, 10)?.status).toBe('open');
    expect(measureCase(rate, [ev('callback.due', 1), ev('callback.completed', 5)], cal, 10)?.status).toBe(
      'met',
    );
    expect(measureCase(rate, [ev('callback.completed', 5)], cal, 10)).toBeNull();
  });
  it('an at-least target (a notice far enough ahead) is met by a long enough lead', () => {
    const notice: Pick<StandardDefinition, 'metric' | 'target'> = {
      metric: { kind: 'duration', start: ['notice.delivered'], stop: ['debit.attempted'], pauses: [] },
      target: { limitMs: 3 * 24 * HOUR, bound: 'at_least', clock: { kind: 'calendar' }, requiredShare: 0.95 },
    };
    expect(
      measureCase(notice, [ev('notice.delivered', 0), ev('debit.attempted', 4 * 24 * HOUR)], cal, 0)?.status,
    ).toBe('met');
    expect(
      measureCase(notice, [ev('notice.delivered', 0), ev('debit.attempted', 2 * 24 * HOUR)], cal, 0)?.status,
    ).toBe('breached');
    expect(measureCase(notice, [ev('notice.delivered', 0)], cal, 9 * 24 * HOUR)?.status).toBe('open');
  });
});

describe('attainment', () => {
  const rolled = version({ status: 'rolled_out', steps: { rolled_out: 0 } });
  const standards = new Map([[rolled.standardId, [rolled]]]);
  /** Up to 40 events of `cases` journey instances (seven by default), their instants drawn from `at`. */
  const eventsAt = (at: fc.Arbitrary<number>, cases = 7) =>
    fc.array(
      fc.record({
        c: fc.integer({ min: 0, max: cases - 1 }),
        t: fc.constantFrom(
          'endorsement.submitted_for_review',
          'endorsement.approved',
          'endorsement.awaiting_customer',
          'endorsement.customer_replied',
          'other.thing',
        ),
        at,
        b: fc.constantFrom('HQ/SH/SH-PD', 'HQ/SH/SH-MH'),
      }),
      { maxLength: 40 },
    );
  const arbitraryEvents = eventsAt(instant);
  it('the incremental projection, fed in any order with repeats, equals the full recompute', () => {
    fc.assert(
      fc.property(arbitraryEvents, fc.constantFrom('day', 'week', 'month'), (raw, granularity) => {
        const events = raw.map((r, i) => ({
          ...ev(r.t, r.at, { caseId: `c${r.c}`, branchPath: r.b }),
          eventId: `x${i}`,
        }));
        const now = Date.parse('2026-11-30T00:00:00Z');
        const full = computeAttainment(standards, events, cal, now, granularity);
        const projection = new AttainmentProjection(standards, cal, granularity);
        for (const e of [...events].reverse()) projection.apply(e, now);
        for (const e of events) expect(projection.apply(e, now)).toBe(false);
        const sort = (cells: { period: string; branchPath: string }[]) =>
          [...cells].sort((a, b) => `${a.period}${a.branchPath}`.localeCompare(`${b.period}${b.branchPath}`));
        expect(sort([...projection.cells.values()])).toEqual(sort(full.cells));
        for (const cell of full.cells) expect(cell.met + cell.breached + cell.open).toBe(cell.cases);
      }),
    );
  });
  it('the streaming fold, fed in event order a page at a time, equals the full recompute', () => {
    const rate: StandardVersion = {
      ...rolled,
      standardId: 'callback-rate',
      metric: {
        kind: 'rate',
        eligible: ['endorsement.approved'],
        delivered: ['endorsement.customer_replied'],
      },
      target: { bound: 'within', requiredShare: 0.9 },
    };
    const calendarDays = version({
      standardId: 'review-calendar',
      version: 2,
      status: 'rolled_out',
      steps: { rolled_out: Date.parse('2025-06-01T00:00:00Z') },
      target: { limitMs: 2 * HOUR, bound: 'within', requiredShare: 0.9 },
    });
    const both = new Map<string, StandardVersion[]>([
      [rolled.standardId, [rolled]],
      [rate.standardId, [rate]],
      [calendarDays.standardId, [calendarDays]],
    ]);
    // Instants drawn from a few hours so that cases share milliseconds (ties ordered by id).
    const base = Date.parse('2025-05-31T20:00:00Z');
    const tiedEvents = eventsAt(fc.integer({ min: 0, max: 12 }).map((h) => base + h * HOUR));
    // Three instants either side of a version's roll-out: a case's start, stop and next start
    // often share a millisecond, and some starts have no version in force.
    const crowdedEvents = eventsAt(
      fc.constantFrom(3, 4, 5).map((h) => base + h * HOUR),
      2,
    );
    fc.assert(
      fc.property(
        fc.oneof(arbitraryEvents, tiedEvents, crowdedEvents),
        fc.constantFrom('day', 'week', 'month'),
        fc.integer({ min: 1, max: 7 }),
        (raw, granularity, pageSize) => {
          const events = raw.map((r, i) => ({
            ...ev(r.t, r.at, { caseId: `c${r.c}`, branchPath: r.b }),
            eventId: `x${String(i).padStart(2, '0')}`,
          }));
          const now = Date.parse('2026-11-30T00:00:00Z');
          const full = computeAttainment(both, events, cal, now, granularity);
          const seen: string[] = [];
          const fold = new AttainmentFold(both, cal, granularity, {
            onCase: (c) => seen.push(`${c.standardId}|${c.caseId}|${c.status}`),
          });
          const ordered = inEventOrder(events);
          for (let i = 0; i < ordered.length; i += pageSize) fold.add(ordered.slice(i, i + pageSize));
          const cells = fold.finish(now);
          const sort = (list: AttainmentCell[]) =>
            [...list].sort((a, b) =>
              `${a.standardId}${a.period}${a.branchPath}`.localeCompare(
                `${b.standardId}${b.period}${b.branchPath}`,
              ),
            );
          expect(sort(cells)).toEqual(sort(full.cells));
          expect(seen.sort()).toEqual(
            full.cases.map((c) => `${c.standardId}|${c.caseId}|${c.status}`).sort(),
          );
          // A window's end: only the cases started before it, as the route filters the full recompute.
          const cut = ordered[Math.floor(ordered.length / 2)]?.at ?? now;
          const windowed = new AttainmentFold(both, cal, granularity, { startsBefore: cut });
          for (let i = 0; i < ordered.length; i += pageSize) windowed.add(ordered.slice(i, i + pageSize));
          expect(sort(windowed.finish(now))).toEqual(
            sort(
              cellsOf(
                full.cases.filter((c) => c.startAt < cut),
                granularity,
              ),
            ),
          );
        },
      ),
      // Enough runs that crowded milliseconds (start, stops and the next start tied) come up.
      { numRuns: 500 },
    );
  });
  it('a journey instance started again after its case closed opens a new case, in every engine', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    const at = Date.parse('2026-11-02T02:00:00Z');
    const events = [
      // Reviewed, decided, resubmitted and decided again: two cases, each on its own clock.
      ev('endorsement.submitted_for_review', at, { caseId: 'again', eventId: 'a1' }),
      ev('endorsement.approved', at + HOUR, { caseId: 'again', eventId: 'a2' }),
      ev('endorsement.submitted_for_review', at + 2 * HOUR, { caseId: 'again', eventId: 'a3' }),
      ev('endorsement.approved', at + 50 * HOUR, { caseId: 'again', eventId: 'a4' }),
      // In one millisecond, in id order: two decisions, then two submissions. The first submission's
      // case takes the decisions before it; the second opens a case of its own, still open.
      ev('endorsement.approved', at, { caseId: 'tied', eventId: 'b1' }),
      ev('endorsement.approved', at, { caseId: 'tied', eventId: 'b2' }),
      ev('endorsement.submitted_for_review', at, { caseId: 'tied', eventId: 'b3' }),
      ev('endorsement.submitted_for_review', at, { caseId: 'tied', eventId: 'b4' }),
    ];
    const summary = (cases: { caseId: string; startAt: number; status: string }[]) =>
      cases.map((c) => `${c.caseId}@${c.startAt - at}:${c.status}`).sort();
    const expected = ['again@0:met', `again@${2 * HOUR}:breached`, 'tied@0:met', 'tied@0:breached'].sort();
    expect(summary(computeAttainment(standards, events, cal, now, 'day').cases)).toEqual(expected);
    const folded: MeasuredCase[] = [];
    const fold = new AttainmentFold(standards, cal, 'day', { onCase: (c) => folded.push(c) });
    fold.add(inEventOrder(events));
    fold.finish(now);
    expect(summary(folded)).toEqual(expected);
    const projection = new AttainmentProjection(standards, cal, 'day');
    for (const e of [...events].reverse()) projection.apply(e, now);
    expect(summary(projection.measuredCases())).toEqual(expected);
  });
  it('the streaming fold counts only the cases started before its window ends and in reach', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    const at = Date.parse('2026-11-02T02:00:00Z');
    const events = [
      ev('endorsement.submitted_for_review', at, { caseId: 'in', eventId: 'a1' }),
      ev('endorsement.approved', at + HOUR, { caseId: 'in', eventId: 'a2' }),
      ev('endorsement.submitted_for_review', at + 2 * HOUR, {
        caseId: 'far',
        eventId: 'a3',
        branchPath: 'HQ/BJ',
      }),
      ev('endorsement.submitted_for_review', at + 5 * HOUR, { caseId: 'late', eventId: 'a4' }),
    ];
    const fold = new AttainmentFold(standards, cal, 'day', {
      startsBefore: at + 4 * HOUR,
      counts: (c) => c.branchPath.startsWith('HQ/SH'),
    });
    fold.add(events);
    expect(fold.openCases).toBe(1);
    expect(fold.finish(now).map((c) => [c.period, c.cases, c.met])).toEqual([['2026-11-02', 1, 1]]);
    expect(() => fold.add([ev('endorsement.approved', at, { eventId: 'a0' })])).toThrow(/event order/);
  });
  it('names periods in Shanghai time, ISO weeks included', () => {
    expect(periodOf(shanghai('2026-12-31T23:30:00'), 'day')).toBe('2026-12-31');
    expect(periodOf(shanghai('2027-01-01T00:30:00'), 'month')).toBe('2027-01');
    expect(periodOf(shanghai('2026-12-31T12:00:00'), 'week')).toBe('2026-W53');
    expect(periodOf(shanghai('2026-01-01T12:00:00'), 'week')).toBe('2026-W01');
    expect(periodOf(shanghai('2025-12-29T12:00:00'), 'week')).toBe('2026-W01');
  });
});

describe('evaluation', () => {
  it('the normal CDF is right to 1e-6 at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
  it('two-proportion z-test: a known case, and too few data said plainly', () => {
    const r = compareProportions('达标率', { label: 'A', met: 60, n: 100 }, { label: 'B', met: 80, n: 100 });
    expect(r.statistic).toBeCloseTo(3.0861, 3);
    expect(r.significant).toBe(true);
    const few = compareProportions('达标率', { label: 'A', met: 2, n: 3 }, { label: 'B', met: 3, n: 3 });
    expect(few.pValue).toBeNull();
    expect(few.verdict).toMatch(/^数据过少/);
  });
  it('Mann–Whitney U: symmetric, shift-detecting, and too few data said plainly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 8, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 8, maxLength: 30 }),
        (a, b) => {
          const ab = compareDurations('用时', { label: 'A', values: a }, { label: 'B', values: b });
          const ba = compareDurations('用时', { label: 'B', values: b }, { label: 'A', values: a });
          if (ab.pValue !== null) expect(ab.pValue).toBeCloseTo(ba.pValue as number, 9);
          if (ab.statistic !== null && ba.statistic !== null)
            expect(ab.statistic + ba.statistic).toBe(a.length * b.length);
        },
      ),
    );
    const slow = Array.from({ length: 20 }, (_, i) => 1000 + i);
    const fast = Array.from({ length: 20 }, (_, i) => 10 + i);
    expect(
      compareDurations('用时', { label: 'A', values: slow }, { label: 'B', values: fast }).significant,
    ).toBe(true);
    expect(
      compareDurations('用时', { label: 'A', values: [1, 2] }, { label: 'B', values: [3] }).verdict,
    ).toMatch(/^数据过少/);
  });
  it('compares pilot branches before and after, and against the other branches', () => {
    const pilotAt = shanghai('2026-11-02T00:00:00');
    const v = version({ status: 'pilot', pilotBranches: ['HQ/SH/SH-PD'], steps: { pilot: pilotAt } });
    const mk = (branch: string, startAt: number, ok: boolean) => ({
      caseId: `${branch}${startAt}`,
      branchPath: branch,
      policyNo: null,
      startAt,
      stopAt: startAt + HOUR,
      elapsedMs: ok ? HOUR : 30 * HOUR,
      status: ok ? ('met' as const) : ('breached' as const),
    });
    const cases = [
      ...Array.from({ length: 30 }, (_, i) => mk('HQ/SH/SH-PD', pilotAt - (i + 1) * HOUR, i % 2 === 0)),
      ...Array.from({ length: 30 }, (_, i) => mk('HQ/SH/SH-PD', pilotAt + (i + 1) * HOUR, i % 10 !== 0)),
      ...Array.from({ length: 30 }, (_, i) => mk('HQ/SH/SH-MH', pilotAt + (i + 1) * HOUR, i % 2 === 0)),
    ];
    const evaluation = evaluateVersion(v, cases);
    expect(evaluation.beforeAfter[0]).toMatchObject({
      groupA: { n: 30, value: 0.5 },
      groupB: { n: 30, value: 0.9 },
    });
    expect(evaluation.beforeAfter[0]?.difference).toBeCloseTo(0.4, 9);
    expect(evaluation.beforeAfter[0]?.significant).toBe(true);
    expect(evaluation.pilotVsOthers[0]).toMatchObject({
      groupA: { label: '其他机构', n: 30 },
      groupB: { label: '试点机构', n: 30 },
    });
    expect(evaluation.beforeAfter[1]?.test).toBe('mann_whitney_u');
  });
});

describe('the event names on screen', () => {
  it('names in Chinese every event a seeded standard measures', () => {
    const events = SEEDED_STANDARDS.flatMap(({ metric }) =>
      metric.kind === 'duration'
        ? [...metric.start, ...metric.stop, ...metric.pauses.flatMap((p) => [p.pause, p.resume])]
        : [...metric.eligible, ...metric.delivered],
    );
    expect(events.length).toBeGreaterThan(20);
    expect(events.filter((type) => eventLabel(type) === type)).toEqual([]);
    expect(eventLabel('claims.unknown_step')).toBe('claims.unknown_step');
  });
});
