import { type BusinessCalendar, DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDate } from '../complaints/calendar';
import {
  type CaseOutcome,
  closesCase,
  eventTypesOf,
  inEventOrder,
  type MeasurementEvent,
  measureCases,
  measureOrSkip,
  startTypesOf,
} from './measure';
import { type StandardVersion, versionInForce } from './model';

/**
 * Attainment (达标率) per standard × branch × period, computed only from measurement events: a
 * case counts in the period its start falls in, under the version in force when it started;
 * attainment is met ÷ all cases (an open case is not met). A journey instance started again after
 * its case closed is a new case (`measureCases`).
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

/** Measures one journey instance's events against one standard (its versions): its cases, in order. */
function measureAgainstOne(
  standardId: string,
  versions: readonly StandardVersion[],
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): MeasuredCase[] {
  const first = versions[0];
  if (!first) return [];
  return measureCases(ordered, startTypesOf(first), (start) => inForceAt(versions, start), calendar, now).map(
    ({ definition, outcome }) => ({ ...outcome, standardId, version: definition.version }),
  );
}

/** Measures one journey instance's events against every standard whose start event it holds. */
export function measureCaseAgainst(
  standards: ReadonlyMap<string, readonly StandardVersion[]>,
  ordered: readonly MeasurementEvent[],
  calendar: BusinessCalendar,
  now: number,
): MeasuredCase[] {
  const out: MeasuredCase[] = [];
  for (const [standardId, versions] of standards)
    out.push(...measureAgainstOne(standardId, versions, ordered, calendar, now));
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
  /** Per journey instance, its cases under each standard it holds cases of. */
  private readonly outcomes = new Map<string, Map<string, MeasuredCase[]>>();
  readonly cells = new Map<string, AttainmentCell>();
  /** Event type → the standards (with their versions) that read it. */
  private readonly readers: Map<string, [string, readonly StandardVersion[]][]>;

  constructor(
    private readonly standards: ReadonlyMap<string, readonly StandardVersion[]>,
    private readonly calendar: BusinessCalendar,
    readonly granularity: Granularity,
  ) {
    this.readers = readersByType(standards);
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
      const readers = [...byStandard]
        .filter(([, cases]) => cases.some((o) => o.status === 'open'))
        .map(
          ([standardId]) =>
            [standardId, this.standards.get(standardId) ?? []] as [string, readonly StandardVersion[]],
        );
      if (readers.length === 0) continue;
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
      for (const old of byStandard?.get(standardId) ?? []) addTo(this.cells, old, this.granularity, -1);
      const fresh = measureAgainstOne(standardId, versions, events, this.calendar, now);
      for (const c of fresh) addTo(this.cells, c, this.granularity, 1);
      if (fresh.length > 0) {
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
    return [...this.outcomes.values()].flatMap((byStandard) => [...byStandard.values()].flat());
  }
}

/** Whether `a` happened after `b` in event order (time, then event id). */
function after(a: MeasurementEvent, b: MeasurementEvent): boolean {
  return a.at > b.at || (a.at === b.at && a.eventId > b.eventId);
}

/** The version in force at a case's start: the one it is judged by. */
const inForceAt = (versions: readonly StandardVersion[], start: MeasurementEvent) =>
  versionInForce(versions, start.branchPath, start.at);

/** Event type → the standards (with their versions) that read it: an index built once per catalogue. */
function readersByType(
  standards: ReadonlyMap<string, readonly StandardVersion[]>,
): Map<string, [string, readonly StandardVersion[]][]> {
  const readers = new Map<string, [string, readonly StandardVersion[]][]>();
  for (const [standardId, versions] of standards) {
    const types = new Set(versions.flatMap((v) => [...eventTypesOf(v)]));
    for (const type of types) {
      const list = readers.get(type) ?? [];
      list.push([standardId, versions]);
      readers.set(type, list);
    }
  }
  return readers;
}

/** One case of one standard between its start event and its stop: its version and its events so far. */
interface OpenCase {
  standardId: string;
  version: StandardVersion;
  start: MeasurementEvent;
  events: MeasurementEvent[];
}

export interface AttainmentFoldOptions {
  /** Only a start before this instant opens a case (a window's end: later cases are not counted). */
  startsBefore?: number;
  /** Whether a measured case counts (the caller's subtree); every case by default. */
  counts?: (c: MeasuredCase) => boolean;
  /** Called with each counted case as it is measured (closed ones at once, open ones at `finish`). */
  onCase?: (c: MeasuredCase) => void;
  /**
   * The version a start is judged by, or none (then it opens nothing): by default the version in
   * force at it (`versionInForce`); an evaluation judges by the one version it evaluates.
   */
  judgedBy?: (versions: readonly StandardVersion[], start: MeasurementEvent) => StandardVersion | undefined;
}

/**
 * The streaming recompute, equal to `computeAttainment` (a property test): events are fed in event
 * order (time, then id) — the order the stream's day index returns them — a page at a time, and each
 * case of each standard is held only from its start event until its stop, with the few events of the
 * standard's types in between; a closed case is measured at once, summed into its cell and dropped.
 * Its memory therefore follows the open cases and the cells, not the events read: nothing of a closed
 * case is kept, since a later start of the same journey instance opens its next case
 * (`measureCases`). `finish(now)` measures the cases still open.
 */
export class AttainmentFold {
  readonly cells = new Map<string, AttainmentCell>();
  private readonly readers: Map<string, [string, readonly StandardVersion[]][]>;
  private readonly open = new Map<string, OpenCase>();
  /**
   * Events of a case × standard not started yet, at the latest instant read: a stop or pause in the
   * same millisecond as the start but ordered before it by id still counts, as in `measureCase`.
   */
  private readonly tied = new Map<string, MeasurementEvent[]>();
  private last: MeasurementEvent | null = null;

  constructor(
    standards: ReadonlyMap<string, readonly StandardVersion[]>,
    private readonly calendar: BusinessCalendar,
    readonly granularity: Granularity,
    private readonly options: AttainmentFoldOptions = {},
  ) {
    this.readers = readersByType(standards);
  }

  /** Folds the next events, in event order; an event out of order is a programming error. */
  add(events: Iterable<MeasurementEvent>): void {
    for (const event of events) this.addOne(event);
  }

  private addOne(event: MeasurementEvent): void {
    const last = this.last;
    if (last) {
      if (last.eventId === event.eventId) return;
      if (after(last, event)) throw new Error('AttainmentFold: events must come in event order');
      if (event.at > last.at) this.tied.clear();
    }
    this.last = event;
    const { startsBefore } = this.options;
    const readers = this.readers.get(event.type);
    if (!readers) return;
    for (const [standardId, versions] of readers) {
      const key = `${standardId}\n${event.caseId}`;
      const open = this.open.get(key);
      if (open) {
        open.events.push(event);
        if (closesCase(open.version, open.start, event)) this.settle(key, open, event.at);
        continue;
      }
      if (startsBefore !== undefined && event.at >= startsBefore) continue;
      const first = versions[0];
      const version =
        first && startTypesOf(first).includes(event.type)
          ? (this.options.judgedBy ?? inForceAt)(versions, event)
          : undefined;
      if (!version) {
        // Not a start (or one no version judges): kept only while a start may follow in this millisecond.
        const tied = this.tied.get(key);
        if (tied) tied.push(event);
        else this.tied.set(key, [event]);
        continue;
      }
      const opened: OpenCase = {
        standardId,
        version,
        start: event,
        events: [...(this.tied.get(key) ?? []), event],
      };
      this.tied.delete(key);
      if (opened.events.some((e) => closesCase(opened.version, opened.start, e)))
        this.settle(key, opened, event.at);
      else this.open.set(key, opened);
    }
  }

  private settle(key: string, open: OpenCase, now: number): void {
    this.open.delete(key);
    this.count(open, now);
  }

  private count(open: OpenCase, now: number): void {
    const outcome = measureOrSkip(open.version, open.events, this.calendar, now, open.start);
    if (!outcome) return;
    const measured: MeasuredCase = { ...outcome, standardId: open.standardId, version: open.version.version };
    if (this.options.counts && !this.options.counts(measured)) return;
    addTo(this.cells, measured, this.granularity, 1);
    this.options.onCase?.(measured);
  }

  /** Measures the cases still open at `now` and returns every cell. */
  finish(now: number): AttainmentCell[] {
    for (const open of this.open.values()) this.count(open, now);
    this.open.clear();
    this.tied.clear();
    return [...this.cells.values()];
  }

  /** Cases held open now (the fold's memory follows them). */
  get openCases(): number {
    return this.open.size;
  }
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
