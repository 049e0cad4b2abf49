import * as z from 'zod/mini';
import { isInBranchSubtree } from '../auth/access';
import { cell, percent } from '../events/report';
import { isoDaySchema } from '../format/input';
import type { ComplaintEventRecord, ComplaintRecord } from '../ports/complaints';
import type { RectificationRecord } from '../ports/voice';
import { isRectificationOverdue } from '../voice/rectification';
import { type BusinessCalendar, shanghaiDate } from './calendar';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_KEYS,
  type ComplaintCategory,
  type ComplaintRules,
  defaultComplaintRules,
  repeatReasonLabel,
} from './classification';
import { CLOCK_LABELS, type ClockStatus, computeClocks, statutoryLimitDays } from './clocks';

/**
 * The complaints report (客户之声与投诉 — 报表), pure: over the complaints received in a period in a
 * branch subtree — the count and the rate per 10,000 in-force policies by branch and category; SLA
 * attainment per clock (the clocks of `clocks.ts`, the statutory one split by its 15/30/60-day
 * limit); repeat complaints (the classification's repeat rule, as it held at receipt);
 * satisfaction (the complainants' ratings); and the open rectification tasks (整改) by branch.
 * No personal data: branches, categories and figures only.
 */

/** The longest period one report covers. */
export const REPORT_MAX_DAYS = 366;
/** A rating at or below this is a low one (不满意). */
export const LOW_RATING_AT_MOST = 2;

export const ComplaintReportQuerySchema = z.object({
  from: isoDaySchema('开始日期'),
  to: isoDaySchema('结束日期'),
});

export const REPORT_CLOCKS = [
  'internal_contact',
  'external_response',
  'statutory_15',
  'statutory_30',
  'statutory_60',
] as const;
export type ReportClock = (typeof REPORT_CLOCKS)[number];
export const REPORT_CLOCK_LABELS: Record<ReportClock, string> = {
  internal_contact: CLOCK_LABELS.internal_contact,
  external_response: CLOCK_LABELS.external_response,
  statutory_15: `${CLOCK_LABELS.statutory_decision}（15日）`,
  statutory_30: `${CLOCK_LABELS.statutory_decision}（延长至30日）`,
  statutory_60: `${CLOCK_LABELS.statutory_decision}（延长至60日）`,
};

const BranchRowSchema = z.object({
  branchPath: z.string(),
  branchName: z.string(),
  /** In-force policies of the branch itself; null when not counted. */
  policies: z.nullable(z.number()),
  complaints: z.number(),
  /** Complaints per 10,000 in-force policies, 2 decimals; null without policies. */
  perTenThousand: z.nullable(z.number()),
  byCategory: z.array(
    z.object({
      category: z.enum(COMPLAINT_CATEGORY_KEYS),
      label: z.string(),
      complaints: z.number(),
      perTenThousand: z.nullable(z.number()),
    }),
  ),
});

const ClockRowSchema = z.object({
  clock: z.enum(REPORT_CLOCKS),
  label: z.string(),
  /** Complaints the clock applies to. */
  cases: z.number(),
  met: z.number(),
  /** Stopped late, or past its budget and still running. */
  breached: z.number(),
  /** Still running within its budget (running, warning, paused). */
  open: z.number(),
  /** Reaching a year the business calendar does not hold (never guessed). */
  calendarMissing: z.number(),
  /** met ÷ (met + breached) in basis points; null when none has ended. */
  attainmentBasisPoints: z.nullable(z.number()),
});

export const ComplaintReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  branchPath: z.string(),
  generatedAt: z.string(),
  /** When the in-force policies were counted; null when they never were. */
  policiesCountedAt: z.nullable(z.string()),
  totals: z.object({
    complaints: z.number(),
    policies: z.nullable(z.number()),
    perTenThousand: z.nullable(z.number()),
  }),
  branches: z.array(BranchRowSchema),
  clocks: z.array(ClockRowSchema),
  repeats: z.object({ complaints: z.number(), shareBasisPoints: z.nullable(z.number()) }),
  satisfaction: z.object({
    rated: z.number(),
    /** Average score, 2 decimals; null without ratings. */
    average: z.nullable(z.number()),
    low: z.number(),
    lowShareBasisPoints: z.nullable(z.number()),
  }),
  rectifications: z.object({
    open: z.number(),
    overdue: z.number(),
    branches: z.array(
      z.object({ branchPath: z.string(), branchName: z.string(), open: z.number(), overdue: z.number() }),
    ),
  }),
});
export type ComplaintReport = z.infer<typeof ComplaintReportSchema>;

export interface ComplaintReportInput {
  from: string;
  to: string;
  /** The reader's subtree ('' = every branch). */
  branchPath: string;
  /** The complaints received in the period, each with its event log. */
  complaints: ReadonlyArray<{ complaint: ComplaintRecord; events: readonly ComplaintEventRecord[] }>;
  /** In-force policies per branch path (the branch itself, not its subtree); null when not counted. */
  policyCounts: { countedAt: string; counts: Readonly<Record<string, number>> } | null;
  /** The rectification tasks of the subtree (open and closed). */
  rectifications: readonly RectificationRecord[];
  /** Branch path → name. */
  branchNames: ReadonlyMap<string, string>;
  calendar: BusinessCalendar;
  rules?: ComplaintRules;
  now: Date;
}

const perTenThousand = (count: number, policies: number | null) =>
  policies ? Math.round((count * 1_000_000) / policies) / 100 : null;
const basisPoints = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : null);

/** The report clock a complaint's clock counts under (the statutory one by its current limit). */
function reportClock(status: ClockStatus, events: readonly ComplaintEventRecord[]): ReportClock {
  if (status.clock !== 'statutory_decision') return status.clock;
  return `statutory_${statutoryLimitDays(events)}` as ReportClock;
}

export function complaintReport(input: ComplaintReportInput): ComplaintReport {
  const rules = input.rules ?? defaultComplaintRules;
  const inSubtree = (path: string) => !input.branchPath || isInBranchSubtree(path, input.branchPath);
  const complaints = input.complaints.filter((c) => inSubtree(c.complaint.branchPath));
  const counts = input.policyCounts?.counts ?? null;
  const nameOf = (path: string) => input.branchNames.get(path) ?? path.split('/').pop() ?? path;

  // Per branch: every branch with complaints or counted policies in the subtree.
  const paths = new Set(complaints.map((c) => c.complaint.branchPath));
  for (const [path, n] of Object.entries(counts ?? {})) if (n > 0 && inSubtree(path)) paths.add(path);
  const branches = [...paths].sort().map((path) => {
    const own = complaints.filter((c) => c.complaint.branchPath === path);
    const policies = counts ? (counts[path] ?? 0) : null;
    return {
      branchPath: path,
      branchName: nameOf(path),
      policies,
      complaints: own.length,
      perTenThousand: perTenThousand(own.length, policies),
      byCategory: (Object.keys(COMPLAINT_CATEGORIES) as ComplaintCategory[])
        .map((category) => {
          const n = own.filter((c) => c.complaint.category === category).length;
          return {
            category,
            label: COMPLAINT_CATEGORIES[category],
            complaints: n,
            perTenThousand: perTenThousand(n, policies),
          };
        })
        .filter((row) => row.complaints > 0),
    };
  });
  const totalPolicies = counts ? branches.reduce((sum, b) => sum + (b.policies ?? 0), 0) : null;

  // SLA attainment per clock, from each complaint's event log.
  const clockRows = new Map(
    REPORT_CLOCKS.map((clock) => [
      clock,
      {
        clock,
        label: REPORT_CLOCK_LABELS[clock],
        cases: 0,
        met: 0,
        breached: 0,
        open: 0,
        calendarMissing: 0,
      },
    ]),
  );
  for (const { complaint, events } of complaints) {
    for (const status of computeClocks(input.calendar, events, complaint.severity, input.now)) {
      if (status.state === 'not_applicable') continue;
      const row = clockRows.get(reportClock(status, events));
      if (!row) continue;
      row.cases += 1;
      if (status.state === 'met') row.met += 1;
      else if (status.state === 'breached') row.breached += 1;
      else if (status.state === 'calendar_missing') row.calendarMissing += 1;
      else row.open += 1;
    }
  }

  const repeatLabel = repeatReasonLabel(rules);
  const repeats = complaints.filter((c) => c.complaint.reasons.includes(repeatLabel)).length;
  const scores = complaints.flatMap((c) => (c.complaint.rating ? [c.complaint.rating.score] : []));
  const low = scores.filter((s) => s <= LOW_RATING_AT_MOST).length;

  const today = shanghaiDate(input.now.getTime());
  const openTasks = input.rectifications.filter((t) => t.status === 'open' && inSubtree(t.branchPath));
  const taskPaths = [...new Set(openTasks.map((t) => t.branchPath))].sort();

  return {
    from: input.from,
    to: input.to,
    branchPath: input.branchPath,
    generatedAt: input.now.toISOString(),
    policiesCountedAt: input.policyCounts?.countedAt ?? null,
    totals: {
      complaints: complaints.length,
      policies: totalPolicies,
      perTenThousand: perTenThousand(complaints.length, totalPolicies),
    },
    branches,
    clocks: [...clockRows.values()].map((row) => ({
      ...row,
      attainmentBasisPoints: basisPoints(row.met, row.met + row.breached),
    })),
    repeats: { complaints: repeats, shareBasisPoints: basisPoints(repeats, complaints.length) },
    satisfaction: {
      rated: scores.length,
      average:
        scores.length > 0
          ? Math.round((scores.reduce((a, b) => a + b, 0) * 100) / scores.length) / 100
          : null,
      low,
      lowShareBasisPoints: basisPoints(low, scores.length),
    },
    rectifications: {
      open: openTasks.length,
      overdue: openTasks.filter((t) => isRectificationOverdue(t, today)).length,
      branches: taskPaths.map((path) => {
        const own = openTasks.filter((t) => t.branchPath === path);
        return {
          branchPath: path,
          branchName: nameOf(path),
          open: own.length,
          overdue: own.filter((t) => isRectificationOverdue(t, today)).length,
        };
      }),
    },
  };
}

/** 12.5 → "12.50"; null → "—" (no policies counted). */
export function perTenThousandText(rate: number | null): string {
  if (rate === null) return '—';
  const hundredths = Math.round(rate * 100);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * The report as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the Chinese),
 * CRLF line ends, cells quoted as RFC 4180 says; one section after another, branches and figures
 * only — no personal data.
 */
export function complaintReportCsv(report: ComplaintReport): string {
  const row = (cells: ReadonlyArray<string | number>) => cells.map(cell).join(',');
  const lines = [
    row(['投诉报表', `${report.from} 至 ${report.to}`]),
    row(['机构范围', report.branchPath || '全部机构']),
    row(['有效保单统计时间', report.policiesCountedAt ?? '未统计']),
    '',
    row(['机构', '机构路径', '有效保单数', '投诉类别', '投诉件数', '万张保单投诉量']),
    ...report.branches.flatMap((b) => [
      row([
        b.branchName,
        b.branchPath,
        b.policies ?? '—',
        '合计',
        b.complaints,
        perTenThousandText(b.perTenThousand),
      ]),
      ...b.byCategory.map((c) =>
        row([
          b.branchName,
          b.branchPath,
          b.policies ?? '—',
          c.label,
          c.complaints,
          perTenThousandText(c.perTenThousand),
        ]),
      ),
    ]),
    row([
      '合计',
      report.branchPath || '全部机构',
      report.totals.policies ?? '—',
      '合计',
      report.totals.complaints,
      perTenThousandText(report.totals.perTenThousand),
    ]),
    '',
    row(['时限', '适用件数', '按时', '超时', '进行中', '日历未导入', '达标率']),
    ...report.clocks.map((c) =>
      row([c.label, c.cases, c.met, c.breached, c.open, c.calendarMissing, percent(c.attainmentBasisPoints)]),
    ),
    '',
    row(['重复投诉件数', '重复投诉占比']),
    row([report.repeats.complaints, percent(report.repeats.shareBasisPoints)]),
    '',
    row(['评价件数', '平均评分', `低分件数（${LOW_RATING_AT_MOST} 分及以下）`, '低分占比']),
    row([
      report.satisfaction.rated,
      report.satisfaction.average === null ? '—' : perTenThousandText(report.satisfaction.average),
      report.satisfaction.low,
      percent(report.satisfaction.lowShareBasisPoints),
    ]),
    '',
    row(['机构', '机构路径', '未关闭整改', '其中逾期']),
    ...report.rectifications.branches.map((b) => row([b.branchName, b.branchPath, b.open, b.overdue])),
    row(['合计', report.branchPath || '全部机构', report.rectifications.open, report.rectifications.overdue]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
