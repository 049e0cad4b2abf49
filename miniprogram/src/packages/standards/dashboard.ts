import { addDays } from '@zhixiang/shared/format/dates';
import { attainmentRate, rollUp } from '@zhixiang/shared/standards/attainment';
import type { AttainmentReport } from '@zhixiang/shared/standards/schemas';

/** The dashboard's period switch: the last 7 or 30 days by day, or the last 12 weeks by ISO week. */
export type PeriodChoice = 'days7' | 'days30' | 'weeks';

export const PERIOD_CHOICES: { key: PeriodChoice; label: string }[] = [
  { key: 'days7', label: '近 7 天' },
  { key: 'days30', label: '近 30 天' },
  { key: 'weeks', label: '按周' },
];

/** The attainment route's query for a choice, ending on `today` (Shanghai, `YYYY-MM-DD`). */
export function periodQuery(
  choice: PeriodChoice,
  today: string,
): { from: string; to: string; granularity: 'day' | 'week' } {
  if (choice === 'days7') return { from: addDays(today, -6), to: today, granularity: 'day' };
  if (choice === 'days30') return { from: addDays(today, -29), to: today, granularity: 'day' };
  // Twelve whole weeks stay inside the route's 93-day limit.
  return { from: addDays(today, -83), to: today, granularity: 'week' };
}

type Standard = AttainmentReport['standards'][number];

/** One point of the chosen standard's trend, or one branch's bar: met ÷ cases over the period. */
export interface RatePoint {
  label: string;
  /** Per cent, one decimal: what the chart draws. */
  percent: number;
  cases: number;
  met: number;
}

const toPercent = (rate: number) => Math.round(rate * 1000) / 10;

function points(
  sums: Map<string, { cases: number; met: number }>,
  label: (key: string) => string,
): RatePoint[] {
  const out: RatePoint[] = [];
  for (const [key, sum] of sums) {
    const rate = attainmentRate(sum);
    if (rate === null) continue;
    out.push({ label: label(key), percent: toPercent(rate), cases: sum.cases, met: sum.met });
  }
  return out;
}

/** A period as the axis shows it: `12-05` for a day, `W49` for a week, `2026-12` for a month. */
export function periodLabel(period: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return period.slice(5);
  const week = /^\d{4}-(W\d{2})$/.exec(period);
  return week?.[1] ?? period;
}

/** The chosen standard over time: its cells of every branch summed per period, oldest first. */
export function trendOf(report: AttainmentReport, standardId: string): RatePoint[] {
  const sums = rollUp(report.cells, (c) => (c.standardId === standardId ? c.period : null));
  const ordered = new Map([...sums].sort(([a], [b]) => a.localeCompare(b)));
  return points(ordered, periodLabel);
}

/** The chosen standard per branch over the whole period, worst first, each bar labelled by the branch's name. */
export function branchesOf(report: AttainmentReport, standardId: string): RatePoint[] {
  const names = new Map(report.cells.map((c) => [c.branchPath, c.branchName]));
  const sums = rollUp(report.cells, (c) => (c.standardId === standardId ? c.branchPath : null));
  return points(sums, (path) => names.get(path) ?? path).sort(
    (a, b) => a.percent - b.percent || a.label.localeCompare(b.label),
  );
}

/** A touchpoint (journey × touchpoint) with its standards' cases together. */
export interface TouchpointRow {
  journeyLabel: string;
  touchpoint: string;
  cases: number;
  met: number;
  rate: number;
  /** How far below the strictest required share of its standards (0 when it meets it). */
  shortfall: number;
}

/**
 * The worst-performing touchpoints: each touchpoint's standards summed, those with cases below
 * their required share first (largest shortfall first), then the lowest attainment; at most `limit`.
 */
export function worstTouchpoints(standards: readonly Standard[], limit = 5): TouchpointRow[] {
  const byTouchpoint = new Map<string, { row: Standard[] }>();
  for (const s of standards) {
    if (s.cases === 0) continue;
    const key = `${s.journeyLabel}|${s.touchpoint}`;
    const entry = byTouchpoint.get(key) ?? { row: [] };
    entry.row.push(s);
    byTouchpoint.set(key, entry);
  }
  const rows: TouchpointRow[] = [...byTouchpoint.values()].map(({ row }) => {
    const first = row[0] as Standard;
    const cases = row.reduce((n, s) => n + s.cases, 0);
    const met = row.reduce((n, s) => n + s.met, 0);
    const rate = met / cases;
    const required = Math.max(...row.map((s) => s.requiredShare));
    return {
      journeyLabel: first.journeyLabel,
      touchpoint: first.touchpoint,
      cases,
      met,
      rate,
      shortfall: Math.max(0, required - rate),
    };
  });
  return rows
    .sort((a, b) => b.shortfall - a.shortfall || a.rate - b.rate || a.touchpoint.localeCompare(b.touchpoint))
    .slice(0, limit);
}

/** The attainment bars: each standard with cases (its touchpoint as label), its attainment and required share in per cent. */
export function attainmentBars(
  standards: readonly Standard[],
): { label: string; kind: '达标率' | '要求'; percent: number }[] {
  return standards.flatMap((s) =>
    s.rate === null
      ? []
      : [
          { label: s.touchpoint, kind: '达标率' as const, percent: toPercent(s.rate) },
          { label: s.touchpoint, kind: '要求' as const, percent: toPercent(s.requiredShare) },
        ],
  );
}

/** The standard shown first: the worst with cases (the report lists worst first), else the first. */
export function defaultStandard(standards: readonly Standard[]): string | null {
  return (standards.find((s) => s.cases > 0) ?? standards[0])?.standardId ?? null;
}
