import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { BusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { ComplaintRules } from '@zhixiang/shared/complaints/classification';
import {
  type ComplaintReport,
  ComplaintReportQuerySchema,
  complaintReport,
  REPORT_MAX_DAYS,
} from '@zhixiang/shared/complaints/report';
import { AppError } from '@zhixiang/shared/errors';
import type { ComplaintStore } from '@zhixiang/shared/ports/complaints';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import type { RectificationStore } from '@zhixiang/shared/ports/voice';
import { parseDayRange } from '../../platform/http/day-range';

export interface ComplaintReportDeps {
  repositories: {
    complaints: Pick<ComplaintStore, 'listReceivedBetween' | 'events' | 'policyCounts'>;
    branches: Pick<BranchRepository, 'listSubtree'>;
    rectifications: Pick<RectificationStore, 'listInSubtree'>;
  };
  businessCalendar: BusinessCalendar;
  complaintRules: ComplaintRules;
  now: () => number;
}

export interface ReportPeriod {
  from: string;
  to: string;
  fromMs: number;
  /** Exclusive: 00:00 after the last day. */
  toMs: number;
}

/** Without dates, the period is the last 30 days up to today (Shanghai). */
const DEFAULT_DAYS = 30;

/** `?from&to`: real days, in order, at most 366 days; by default the last 30 days. */
export function parseReportPeriod(query: Record<string, string | undefined>, now: number): ReportPeriod {
  const { from, to, fromMs, toMs } = parseDayRange(ComplaintReportQuerySchema, query, now, {
    defaultDays: DEFAULT_DAYS,
    maxDays: REPORT_MAX_DAYS,
  });
  return { from, to, fromMs, toMs };
}

/**
 * The complaints report of a branch subtree: staff and executives their own, admins every branch
 * (or the one they name: the admin CLI's `--branch`).
 */
export async function getComplaintReport(
  deps: ComplaintReportDeps,
  claims: Pick<AccessClaims, 'role' | 'branchPath'>,
  period: ReportPeriod,
  adminBranchPath = '',
): Promise<ComplaintReport> {
  const branchPath = claims.role === 'admin' ? adminBranchPath : (claims.branchPath ?? '');
  if (claims.role !== 'admin' && !branchPath)
    throw new AppError('FORBIDDEN', '投诉报表仅限本机构的工作人员与高管查看');
  const { complaints, branches, rectifications } = deps.repositories;
  const [received, policyCounts, tasks] = await Promise.all([
    complaints.listReceivedBetween(period.fromMs, period.toMs, branchPath),
    complaints.policyCounts(),
    rectifications.listInSubtree(branchPath),
  ]);
  // The branches' names: the subtree's, or (every branch) each head office's tree the figures name.
  const roots = branchPath
    ? [branchPath]
    : [
        ...new Set(
          [
            ...received.map((c) => c.branchPath),
            ...Object.keys(policyCounts?.counts ?? {}),
            ...tasks.map((t) => t.branchPath),
          ].map((path) => path.split('/')[0] ?? path),
        ),
      ];
  const subtree = (await Promise.all(roots.map((root) => branches.listSubtree(root)))).flat();
  const withEvents = [];
  // A few at a time: a year of a big branch's complaints must not open hundreds of queries at once.
  for (let i = 0; i < received.length; i += 16) {
    const batch = received.slice(i, i + 16);
    withEvents.push(
      ...(await Promise.all(
        batch.map(async (complaint) => ({
          complaint,
          events: await complaints.events(complaint.complaintId),
        })),
      )),
    );
  }
  return complaintReport({
    from: period.from,
    to: period.to,
    branchPath,
    complaints: withEvents,
    policyCounts,
    rectifications: tasks,
    branchNames: new Map(subtree.map((b) => [b.path, b.name])),
    calendar: deps.businessCalendar,
    rules: deps.complaintRules,
    now: new Date(deps.now()),
  });
}
