import {
  type BusinessCalendar,
  businessMillisBetween,
  CalendarOutOfRangeError,
  DAY_MS,
  nextDate,
  shanghaiDate,
  startOfShanghaiDay,
} from '../complaints/calendar';
import type { StandardClock, StandardDefinition } from './model';

/**
 * One measurement event: what happened (`type`, e.g. `endorsement.submitted`), when, to which
 * journey instance (`caseId`), in which branch, for which policy and by whom. Every context's
 * events and the ingested events of the insurer's other systems take this one shape.
 */
export interface MeasurementEvent {
  eventId: string;
  type: string;
  /** Epoch ms the thing happened (not when it arrived). */
  at: number;
  caseId: string;
  branchPath: string;
  policyNo: string | null;
  /** Who did it (a user id, `system`, or the sending system's name). */
  actor: string;
  source: 'system' | 'ingested';
  /** A satisfaction rating's 1–5 (`shared/src/standards/ratings.ts`); absent on every other event. */
  score?: number;
}

/**
 * The branch of a measured event whose customer is not known (an anonymous product search or
 * assistant question): the root of the branch tree, so the head office's figures include it.
 */
export const ROOT_BRANCH_PATH = 'HQ';

/**
 * A timing the system measures itself, with no record behind it (an answer, a search): the start
 * and stop events of one case, `<journey>.<step>`, with the event ids `<caseId>:start` and
 * `<caseId>:stop` — so writing them again changes nothing, and a start and stop in the same
 * millisecond still come in that order (ties are ordered by event id).
 */
export function timedMeasurements(timing: {
  caseId: string;
  start: { type: string; at: number };
  stop: { type: string; at: number };
  branchPath: string | null;
  actor: string;
}): [MeasurementEvent, MeasurementEvent] {
  const event = (step: { type: string; at: number }, end: 'start' | 'stop'): MeasurementEvent => ({
    eventId: `${timing.caseId}:${end}`,
    type: step.type,
    at: step.at,
    caseId: timing.caseId,
    branchPath: timing.branchPath ?? ROOT_BRANCH_PATH,
    policyNo: null,
    actor: timing.actor,
    source: 'system',
  });
  return [event(timing.start, 'start'), event(timing.stop, 'stop')];
}

export type CaseStatus = 'met' | 'breached' | 'open';
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  met: '达标',
  breached: '未达标',
  open: '进行中',
};

export interface CaseOutcome {
  caseId: string;
  branchPath: string;
  policyNo: string | null;
  startAt: number;
  stopAt: number | null;
  /** The measured time (clock time less pauses); for an open case, up to `now`; null for a rate. */
  elapsedMs: number | null;
  status: CaseStatus;
}

/** Time elapsed between two instants on the standard's clock (throws outside the calendar's years). */
export function clockMillis(
  clock: StandardClock,
  calendar: BusinessCalendar,
  fromMs: number,
  toMs: number,
): number {
  if (toMs <= fromMs) return 0;
  if (clock.kind === 'calendar') return toMs - fromMs;
  if (clock.kind === 'business_days') return businessMillisBetween(calendar, fromMs, toMs);
  let total = 0;
  for (let day = shanghaiDate(fromMs); startOfShanghaiDay(day) < toMs; day = nextDate(day)) {
    if (clock.businessDaysOnly && !calendar.isBusinessDay(day)) continue;
    const dayStart = startOfShanghaiDay(day);
    const open = Math.max(fromMs, dayStart + clock.fromMinute * 60_000);
    const close = Math.min(toMs, dayStart + Math.min(clock.toMinute * 60_000, DAY_MS));
    if (close > open) total += close - open;
  }
  return total;
}

/** Events in the order they happened, whatever order they arrived in (ties by event id). */
export function inEventOrder(events: readonly MeasurementEvent[]): MeasurementEvent[] {
  return [...events].sort(
    (a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
}

/** The event types a standard reads: a case of it changes only when one of these arrives. */
export function eventTypesOf(definition: Pick<StandardDefinition, 'metric'>): Set<string> {
  const m = definition.metric;
  if (m.kind === 'rate') return new Set([...m.eligible, ...m.delivered]);
  return new Set([...m.start, ...m.stop, ...m.pauses.flatMap((p) => [p.pause, p.resume])]);
}

/** The event that opens a case of the standard, if the case's events hold one. */
export function caseStart(
  definition: Pick<StandardDefinition, 'metric'>,
  ordered: readonly MeasurementEvent[],
): MeasurementEvent | undefined {
  const starts = definition.metric.kind === 'rate' ? definition.metric.eligible : definition.metric.start;
  return ordered.find((e) => starts.includes(e.type));
}

/**
 * Measures one journey instance against a standard: the first start event opens it, the first stop
 * event at or after it closes it; pause events (until their resume, or the stop) do not count. A
 * case with no stop event is open — never met; a `within` case whose time is already spent is
 * breached even while open. Null when the events hold no start event (not a case of this standard).
 * `ordered` must be one case's events in event order (`inEventOrder`).
 */
export function measureCase(
  definition: Pick<StandardDefinition, 'metric' | 'target'>,
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): CaseOutcome | null {
  const start = caseStart(definition, ordered);
  if (!start) return null;
  const base = {
    caseId: start.caseId,
    branchPath: start.branchPath,
    policyNo: start.policyNo,
    startAt: start.at,
  };
  const { metric, target } = definition;
  if (metric.kind === 'rate') {
    const delivered = ordered.find((e) => e.at >= start.at && metric.delivered.includes(e.type));
    return { ...base, stopAt: delivered?.at ?? null, elapsedMs: null, status: delivered ? 'met' : 'open' };
  }
  const clock = target.clock ?? { kind: 'calendar' };
  const stop = ordered.find((e) => e.at >= start.at && e !== start && metric.stop.includes(e.type));
  const end = stop ? stop.at : Math.max(now, start.at);
  // Paused while any pause rule is active; the intervals are merged before they are subtracted.
  const active = new Set<number>();
  let pausedSince: number | null = null;
  let paused = 0;
  for (const e of ordered) {
    if (e.at < start.at || e === start) continue;
    if (e.at > end || (stop && e === stop)) break;
    metric.pauses.forEach((rule, i) => {
      const wasPaused = active.size > 0;
      if (e.type === rule.pause) active.add(i);
      else if (e.type === rule.resume) active.delete(i);
      if (!wasPaused && active.size > 0) pausedSince = e.at;
      if (wasPaused && active.size === 0 && pausedSince !== null) {
        paused += clockMillis(clock, calendar, pausedSince, e.at);
        pausedSince = null;
      }
    });
  }
  if (pausedSince !== null) paused += clockMillis(clock, calendar, pausedSince, end);
  const elapsedMs = Math.max(0, clockMillis(clock, calendar, start.at, end) - paused);
  const limit = target.limitMs ?? 0;
  const meets = target.bound === 'at_least' ? elapsedMs >= limit : elapsedMs <= limit;
  const status: CaseStatus = stop
    ? meets
      ? 'met'
      : 'breached'
    : target.bound !== 'at_least' && elapsedMs > limit
      ? 'breached'
      : 'open';
  return { ...base, stopAt: stop?.at ?? null, elapsedMs, status };
}

/**
 * `measureCase`, except that a case the business calendar cannot measure (a day in a year not
 * imported) is left out — null, like a case that is not one — rather than guessed: import the
 * year (`npm run admin -- import-calendar`) and it is measured again.
 */
export function measureOrSkip(
  definition: Pick<StandardDefinition, 'metric' | 'target'>,
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): CaseOutcome | null {
  try {
    return measureCase(definition, ordered, calendar, now);
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError) return null;
    throw error;
  }
}
