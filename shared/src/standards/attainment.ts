import { type BusinessCalendar, DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate } from '../complaints/calendar';
import {
  type CaseOutcome,
  caseStart,
  eventTypesOf,
  inEventOrder,
  type MeasurementEvent,
  measureOrSkip,
} from './measure';
import { type StandardVersion, versionInForce } from './model';

/**
 * Attainment (达标率) per standard × branch × period, computed only from measurement events: a
 * case counts in the period its start falls in, under the version in force when it started;
 * attainment is met ÷ all cases (an open case is not met).
 */
export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITY_LABELS: Record<Granularity, string> = { day: '日', week: '周', month: '月' };

/** The period a Shanghai instant falls in: `2026-12-05`, ISO week `2026-W49`, or `2026-12`. */
export function periodOf(atMs: number, granularity: Granularity): string {
  const date = shanghaiDate(atMs);
  if (granularity === 'day') return date;
  if (granularity === 'month') return date.slice(0, 7);
  // ISO week: the week's Thursday decides the year.
  const day = new Date(atMs + SHANGHAI_OFFSET_MS);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface AttainmentCell {
  standardId: string;
  version: number;
  branchPath: string;
  period: string;
  cases: number;
  met: number;
  breached: number;
  open: number;
}

export interface MeasuredCase extends CaseOutcome {
  standardId: string;
  version: number;
}

/** Measures one case's events against one standard (its versions), if the case is one of it. */
function measureAgainstOne(
  standardId: string,
  versions: readonly StandardVersion[],
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): MeasuredCase | null {
  const first = versions[0];
  if (!first) return null;
  const start = caseStart(first, ordered);
  if (!start) return null;
  const version = versionInForce(versions, start.branchPath, start.at);
  if (!version) return null;
  const outcome = measureOrSkip(version, ordered, calendar, now);
  return outcome ? { ...outcome, standardId, version: version.version } : null;
}

/** Measures one case's events against every standard whose start event it holds. */
export function measureCaseAgainst(
  standards: ReadonlyMap<string, readonly StandardVersion[]>,
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): MeasuredCase[] {
  const out: MeasuredCase[] = [];
  for (const [standardId, versions] of standards) {
    const measured = measureAgainstOne(standardId, versions, ordered, calendar, now);
    if (measured) out.push(measured);
  }
  return out;
}

const cellKey = (c: MeasuredCase, period: string) => `${c.standardId}|${c.version}|${c.branchPath}|${period}`;

function addTo(cells: Map<string, AttainmentCell>, c: MeasuredCase, granularity: Granularity, sign: 1 | -1) {
  const period = periodOf(c.startAt, granularity);
  const key = cellKey(c, period);
  let cell = cells.get(key);
  if (!cell) {
    cell = {
      standardId: c.standardId,
      version: c.version,
      branchPath: c.branchPath,
      period,
      cases: 0,
      met: 0,
      breached: 0,
      open: 0,
    };
    cells.set(key, cell);
  }
  cell.cases += sign;
  cell[c.status] += sign;
  if (cell.cases === 0) cells.delete(key);
}

/**
 * The incremental projection: each new event re-measures only its own case, and only against the
 * standards that read its type, moving that case's contribution to those standards between cells.
 * Out-of-order arrivals and repeats (same event id) are handled; `refresh(now)` re-measures the open
 * cases as time passes.
 */
export class AttainmentProjection {
  private readonly cases = new Map<string, MeasurementEvent[]>();
  /** Per case, its outcome under each standard it is a case of. */
  private readonly outcomes = new Map<string, Map<string, MeasuredCase>>();
  readonly cells = new Map<string, AttainmentCell>();
  /** Event type → the standards (with their versions) that read it. */
  private readonly readers = new Map<string, [string, readonly StandardVersion[]][]>();

  constructor(
    private readonly standards: ReadonlyMap<string, readonly StandardVersion[]>,
    private readonly calendar: BusinessCalendar,
    readonly granularity: Granularity,
  ) {
    for (const [standardId, versions] of standards) {
      const types = new Set(versions.flatMap((v) => [...eventTypesOf(v)]));
      for (const type of types) {
        const list = this.readers.get(type) ?? [];
        list.push([standardId, versions]);
        this.readers.set(type, list);
      }
    }
  }

  /** Applies one event; false when it is a repeat or no standard reads its type. */
  apply(event: MeasurementEvent, now: number): boolean {
    const readers = this.readers.get(event.type);
    if (!readers) return false;
    let events = this.cases.get(event.caseId);
    if (!events) {
      events = [];
      this.cases.set(event.caseId, events);
    } else if (events.some((e) => e.eventId === event.eventId)) return false;
    // Kept in event order (time, then id) by insertion, so a late event lands where it happened.
    let i = events.length;
    while (i > 0 && after(events[i - 1] as MeasurementEvent, event)) i--;
    events.splice(i, 0, event);
    this.remeasure(event.caseId, events, readers, now);
    return true;
  }

  /** Re-measures every open case at `now` (a `within` case can become breached while open). */
  refresh(now: number): void {
    for (const [caseId, byStandard] of this.outcomes) {
      const open = [...byStandard.values()].filter((o) => o.status === 'open');
      if (open.length === 0) continue;
      const readers = open.map(
        (o) => [o.standardId, this.standards.get(o.standardId) ?? []] as [string, readonly StandardVersion[]],
      );
      this.remeasure(caseId, this.cases.get(caseId) ?? [], readers, now);
    }
  }

  private remeasure(
    caseId: string,
    events: readonly MeasurementEvent[],
    readers: readonly [string, readonly StandardVersion[]][],
    now: number,
  ) {
    let byStandard = this.outcomes.get(caseId);
    for (const [standardId, versions] of readers) {
      const old = byStandard?.get(standardId);
      if (old) addTo(this.cells, old, this.granularity, -1);
      const fresh = measureAgainstOne(standardId, versions, events, this.calendar, now);
      if (fresh) {
        addTo(this.cells, fresh, this.granularity, 1);
        if (!byStandard) {
          byStandard = new Map();
          this.outcomes.set(caseId, byStandard);
        }
        byStandard.set(standardId, fresh);
      } else byStandard?.delete(standardId);
    }
    if (byStandard && byStandard.size === 0) this.outcomes.delete(caseId);
  }

  measuredCases(): MeasuredCase[] {
    return [...this.outcomes.values()].flatMap((byStandard) => [...byStandard.values()]);
  }
}

/** Whether `a` happened after `b` in event order (time, then event id). */
function after(a: MeasurementEvent, b: MeasurementEvent): boolean {
  return a.at > b.at || (a.at === b.at && a.eventId > b.eventId);
}

/** The full recompute: every case from its events, grouped by case id. */
export function computeAttainment(
  standards: ReadonlyMap<string, readonly StandardVersion[]>,
  events: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
  granularity: Granularity,
): { cells: AttainmentCell[]; cases: MeasuredCase[] } {
  const byCase = new Map<string, MeasurementEvent[]>();
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.eventId)) continue;
    seen.add(e.eventId);
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const cases: MeasuredCase[] = [];
  for (const list of byCase.values())
    cases.push(...measureCaseAgainst(standards, inEventOrder(list), calendar, now));
  return { cells: cellsOf(cases, granularity), cases };
}

/** Measured cases summed into standard × version × branch × period cells. */
export function cellsOf(cases: Iterable<MeasuredCase>, granularity: Granularity): AttainmentCell[] {
  const cells = new Map<string, AttainmentCell>();
  for (const c of cases) addTo(cells, c, granularity, 1);
  return [...cells.values()];
}

/** Cells of a branch subtree and period range summed per standard (or per key the caller picks). */
export function rollUp<C extends Pick<AttainmentCell, 'cases' | 'met' | 'breached' | 'open'>>(
  cells: Iterable<C>,
  keyOf: (cell: C) => string | null,
): Map<string, { cases: number; met: number; breached: number; open: number }> {
  const out = new Map<string, { cases: number; met: number; breached: number; open: number }>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    const sum = out.get(key) ?? { cases: 0, met: 0, breached: 0, open: 0 };
    sum.cases += cell.cases;
    sum.met += cell.met;
    sum.breached += cell.breached;
    sum.open += cell.open;
    out.set(key, sum);
  }
  return out;
}

/** met ÷ cases, or null when there are no cases. */
export function attainmentRate(sum: { cases: number; met: number }): number | null {
  return sum.cases === 0 ? null : sum.met / sum.cases;
}
