import {
  addBusinessMillis,
  type BusinessCalendar,
  businessMillisBetween,
  CalendarOutOfRangeError,
  nextDate,
  shanghaiDate,
  startOfShanghaiDay,
} from './calendar';
import type { ComplaintSeverity } from './classification';

/**
 * A complaint's service clocks, computed from its event log (never from stored counters), so a
 * clock can always be explained by the events that drove it:
 *
 * | clock | applies to | budget | stops at | may pause? |
 * |---|---|---|---|---|
 * | internal contact (内部联系) | urgent/major | 2 hours of calendar time | first `contacted` | never |
 * | external response (外部答复) | every complaint | 1 business day (24 h of business-day time) | first `responded` | yes, while waiting for the customer |
 * | statutory decision (法定处理时限) | every complaint | 15 days from receipt, 30 or 60 when extended | `decided` | never |
 *
 * The pause rule, in one sentence: only the insurer's own response clock pauses, between
 * `awaiting_customer` and the next `customer_replied` (or the event that stops it); the 2-hour
 * internal contact needs nothing from the customer, and the statutory clock is set by the
 * regulation (银行业保险业消费投诉处理管理办法, 2020, art. 23), which knows no pause.
 *
 * The statutory period counts in days as the Civil Code counts periods (民法典 art. 201, 203): the
 * day of receipt does not count, the period ends at 24:00 of its last day, and a last day that is
 * a rest day (weekend or public holiday, but not a 调休 working weekend) moves to the next
 * business day.
 *
 * Every clock warns at 80 % of its budget and is breached when the budget is spent before it stops.
 */
export type ComplaintEventType =
  | 'received'
  | 'claimed'
  | 'contacted'
  | 'responded'
  | 'awaiting_customer'
  | 'customer_replied'
  | 'extended'
  | 'decided'
  | 'escalated'
  | 'reclassified'
  | 'rated'
  | 'reopened'
  /** An executive joins the complaint: a comment, a request for an update, or (re)assigning its handler. */
  | 'commented'
  | 'update_requested'
  | 'assigned';

export interface ClockEvent {
  type: ComplaintEventType;
  /** ISO instant. */
  at: string;
  /** `extended` only: the new statutory limit in days. */
  limitDays?: 30 | 60;
}

export type ClockName = 'internal_contact' | 'external_response' | 'statutory_decision';
export const CLOCK_LABELS: Record<ClockName, string> = {
  internal_contact: '内部联系（2小时）',
  external_response: '外部答复（1个工作日）',
  statutory_decision: '法定处理时限',
};

export const WARNING_RATIO = 0.8;
export const INTERNAL_CONTACT_MS = 2 * 60 * 60 * 1000;
export const EXTERNAL_RESPONSE_BUSINESS_MS = 24 * 60 * 60 * 1000;
export const STATUTORY_DAYS = 15;

interface ClockRule {
  stopsAt: ComplaintEventType;
  /** The one pause rule: which clocks may pause while waiting for the customer. */
  pausable: boolean;
  measure: 'calendar' | 'business';
}
export const CLOCK_RULES: Record<ClockName, ClockRule> = {
  internal_contact: { stopsAt: 'contacted', pausable: false, measure: 'calendar' },
  external_response: { stopsAt: 'responded', pausable: true, measure: 'business' },
  statutory_decision: { stopsAt: 'decided', pausable: false, measure: 'calendar' },
};

/**
 * `calendar_missing`: the clock reaches a year the business calendar does not hold; it is shown
 * and logged as such (never guessed), and the other clocks of the complaint still count.
 */
export type ClockState =
  | 'not_applicable'
  | 'running'
  | 'paused'
  | 'warning'
  | 'breached'
  | 'met'
  | 'calendar_missing';

export interface ClockStatus {
  clock: ClockName;
  state: ClockState;
  startedAt: string;
  /** When the budget runs out; null while paused with budget left (it depends on the resumption). */
  dueAt: string | null;
  warnAt: string | null;
  stoppedAt: string | null;
  /** Fraction of the budget used by `now` (or by the stop), 0 … ≥ 1. */
  used: number;
  /** `calendar_missing` only: the calendar's explanation. */
  problem?: string;
}

/** The statutory decision's deadline: 24:00 Shanghai of the period's last day, rolled past rest days. */
export function statutoryDeadline(calendar: BusinessCalendar, receivedAt: string, limitDays: number): string {
  const lastDay = calendar.businessDayOnOrAfter(nextDate(shanghaiDate(Date.parse(receivedAt)), limitDays));
  return new Date(startOfShanghaiDay(nextDate(lastDay))).toISOString();
}

/** The current statutory limit: 15 days, or the latest extension (30, then 60 with approval). */
export function statutoryLimitDays(events: readonly ClockEvent[]): number {
  let limit = STATUTORY_DAYS;
  for (const e of events)
    if (e.type === 'extended' && e.limitDays && e.limitDays > limit) limit = e.limitDays;
  return limit;
}

function sorted(events: readonly ClockEvent[]): ClockEvent[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Intervals [from, to) in which the clock is paused; `to` = Infinity while still paused. */
function pauses(events: readonly ClockEvent[], stopMs: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let open: number | null = null;
  for (const e of events) {
    const ms = Date.parse(e.at);
    if (ms >= stopMs) break;
    if (e.type === 'awaiting_customer' && open === null) open = ms;
    if (e.type === 'customer_replied' && open !== null) {
      found.push([open, ms]);
      open = null;
    }
  }
  if (open !== null) found.push([open, stopMs]);
  return found;
}

function clockStatus(
  calendar: BusinessCalendar,
  clock: ClockName,
  events: readonly ClockEvent[],
  nowMs: number,
  severity: ComplaintSeverity,
): ClockStatus {
  const rule = CLOCK_RULES[clock];
  const received = events.find((e) => e.type === 'received');
  if (!received) throw new Error('投诉事件记录缺少受理事件');
  const startMs = Date.parse(received.at);
  const stop = events.find((e) => e.type === rule.stopsAt && Date.parse(e.at) >= startMs);
  const stopMs = stop ? Date.parse(stop.at) : Number.POSITIVE_INFINITY;
  const base = { clock, startedAt: received.at, stoppedAt: stop?.at ?? null };
  if (clock === 'internal_contact' && severity !== 'urgent')
    return { ...base, state: 'not_applicable', dueAt: null, warnAt: null, used: 0 };

  const measure = (from: number, to: number) =>
    rule.measure === 'business' ? businessMillisBetween(calendar, from, to) : Math.max(0, to - from);
  const advance = (from: number, amount: number) =>
    rule.measure === 'business' ? addBusinessMillis(calendar, from, amount) : from + amount;

  const budget =
    clock === 'internal_contact'
      ? INTERNAL_CONTACT_MS
      : clock === 'external_response'
        ? EXTERNAL_RESPONSE_BUSINESS_MS
        : Date.parse(statutoryDeadline(calendar, received.at, statutoryLimitDays(events))) - startMs;

  // Active segments: from the start, minus the pauses (only for a clock the rule lets pause).
  const paused = rule.pausable ? pauses(events, stopMs) : [];
  const segments: Array<[number, number]> = [];
  let from = startMs;
  for (const [p, q] of paused) {
    if (p > from) segments.push([from, p]);
    from = Math.max(from, q);
  }
  if (from !== Number.POSITIVE_INFINITY) segments.push([from, Number.POSITIVE_INFINITY]);

  /** The instant `amount` of active time has elapsed, or null if a pause still open comes first. */
  const instantAfter = (amount: number): number | null => {
    let left = amount;
    for (const [a, b] of segments) {
      if (b === Number.POSITIVE_INFINITY) return advance(a, left);
      const available = measure(a, b);
      if (left <= available) return advance(a, left);
      left -= available;
    }
    return null;
  };
  const usedBy = (at: number) =>
    segments.reduce((sum, [a, b]) => sum + (at > a ? measure(a, Math.min(b, at)) : 0), 0);

  const dueMs = instantAfter(budget);
  const warnMs = instantAfter(budget * WARNING_RATIO);
  const observed = Math.min(nowMs, stopMs);
  const used = budget > 0 ? usedBy(observed) / budget : 1;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  let state: ClockState;
  if (stop) state = dueMs !== null && stopMs > dueMs ? 'breached' : 'met';
  else if (dueMs !== null && nowMs >= dueMs) state = 'breached';
  else if (warnMs !== null && nowMs >= warnMs) state = 'warning';
  else if (paused.some(([p, q]) => p <= nowMs && nowMs < q)) state = 'paused';
  else state = 'running';
  return { ...base, state, dueAt: iso(dueMs), warnAt: iso(warnMs), used };
}

/** Every clock of a complaint at `now`, from its event log. */
export function computeClocks(
  calendar: BusinessCalendar,
  events: readonly ClockEvent[],
  severity: ComplaintSeverity,
  now: Date,
): ClockStatus[] {
  const log = sorted(events);
  return (Object.keys(CLOCK_RULES) as ClockName[]).map((clock) => {
    try {
      return clockStatus(calendar, clock, log, now.getTime(), severity);
    } catch (error) {
      if (!(error instanceof CalendarOutOfRangeError)) throw error;
      const stop = log.find((e) => e.type === CLOCK_RULES[clock].stopsAt);
      return {
        clock,
        state: 'calendar_missing' as const,
        startedAt: log.find((e) => e.type === 'received')?.at ?? '',
        dueAt: null,
        warnAt: null,
        stoppedAt: stop?.at ?? null,
        used: 0,
        problem: error.message,
      };
    }
  });
}

/** The clocks breached at `now` and not yet stopped: what the escalation job acts on. */
export function breachedClocks(clocks: readonly ClockStatus[]): ClockName[] {
  return clocks.filter((c) => c.state === 'breached' && c.stoppedAt === null).map((c) => c.clock);
}
