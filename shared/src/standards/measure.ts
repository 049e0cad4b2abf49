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

/**
 * A case's own key among a journey instance's cases (a journey started again after its case closed
 * is a new case): the instance and the instant the case started. Alerts are raised once per key and level.
 */
export function caseKeyOf(c: Pick<CaseOutcome, 'caseId' | 'startAt'>): string {
  return `${c.caseId}#${String(c.startAt).padStart(13, '0')}`;
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

/** The event types that open a case of the standard (the same in every version of it). */
export function startTypesOf(definition: Pick<StandardDefinition, 'metric'>): readonly string[] {
  const m = definition.metric;
  return m.kind === 'rate' ? m.eligible : m.start;
}

/** The event that opens a case of the standard, if the case's events hold one. */
export function caseStart(
  definition: Pick<StandardDefinition, 'metric'>,
  ordered: readonly MeasurementEvent[],
): MeasurementEvent | undefined {
  const starts = startTypesOf(definition);
  return ordered.find((e) => starts.includes(e.type));
}

/**
 * Whether `event` closes the case `start` opened: a stop event (a rate: a delivered event) at or
 * after it — one in the same millisecond but ordered before it by id included.
 */
export function closesCase(
  definition: Pick<StandardDefinition, 'metric'>,
  start: MeasurementEvent,
  event: MeasurementEvent,
): boolean {
  const metric = definition.metric;
  if (event.at < start.at) return false;
  if (metric.kind === 'rate') return metric.delivered.includes(event.type);
  return event !== start && metric.stop.includes(event.type);
}

/**
 * Measures one case against a standard: `start` (by default the first start event) opens it, the
 * first stop event at or after it closes it; pause events (until their resume, or the stop) do not
 * count. A case with no stop event is open — never met; a `within` case whose time is already spent
 * is breached even while open. Null when the events hold no start event (not a case of this
 * standard). `ordered` must be one journey instance's events in event order (`inEventOrder`).
 */
export function measureCase(
  definition: Pick<StandardDefinition, 'metric' | 'target'>,
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
  start: MeasurementEvent | undefined = caseStart(definition, ordered),
): CaseOutcome | null {
  if (!start) return null;
  const base = {
    caseId: start.caseId,
    branchPath: start.branchPath,
    policyNo: start.policyNo,
    startAt: start.at,
  };
  const { metric, target } = definition;
  const stop = ordered.find((e) => closesCase(definition, start, e));
  if (metric.kind === 'rate')
    return { ...base, stopAt: stop?.at ?? null, elapsedMs: null, status: stop ? 'met' : 'open' };
  const clock = target.clock ?? { kind: 'calendar' };
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
  start?: MeasurementEvent,
): CaseOutcome | null {
  try {
    return measureCase(definition, ordered, calendar, now, start);
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError) return null;
    throw error;
  }
}

/**
 * Every case of one journey instance under a standard, in order: a start event opens a case when
 * `judgedBy` gives it a definition (the version in force at it; none: that start opens nothing),
 * the first stop event at or after it closes it, and the next start after the events it consumed
 * opens the next case — a resubmitted endorsement is reviewed again, a second handoff in a chat is
 * answered again. Events up to a case's stop (or its start, when a stop tied with it came first)
 * belong to that case only; a case still open is the last. A case the calendar cannot measure is
 * left out (`measureOrSkip`), and the next one still opens after its stop.
 */
export function measureCases<D extends Pick<StandardDefinition, 'metric' | 'target'>>(
  ordered: readonly MeasurementEvent[],
  startTypes: readonly string[],
  judgedBy: (start: MeasurementEvent) => D | undefined,
  calendar: BusinessCalendar,
  now: number,
): { definition: D; outcome: CaseOutcome }[] {
  const out: { definition: D; outcome: CaseOutcome }[] = [];
  let from = 0;
  for (let i = 0; i < ordered.length; i++) {
    const start = ordered[i] as MeasurementEvent;
    if (!startTypes.includes(start.type)) continue;
    const definition = judgedBy(start);
    if (!definition) continue;
    const events = ordered.slice(from);
    const stop = events.findIndex((e) => closesCase(definition, start, e));
    const outcome = measureOrSkip(definition, events, calendar, now, start);
    if (outcome) out.push({ definition, outcome });
    if (stop < 0) break;
    i = Math.max(i, from + stop);
    from = i + 1;
  }
  return out;
}
