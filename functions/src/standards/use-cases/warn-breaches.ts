import type { Logger } from '@aws-lambda-powertools/logger';
import { parentBranchPath } from '@zhixiang/shared/auth/access';
import { computeAttainment } from '@zhixiang/shared/standards/attainment';
import { catalogue, type StandardsUseCaseDeps } from './standards-access';

/** How far back each run looks for breaches of fixed standards. */
export const WARNING_LOOKBACK_MS = 7 * 86_400_000;

export interface WarningReport {
  breached: number;
  warned: number;
}

/**
 * 系统固化: once a version is fixed, each breached case it judges raises one warning, escalated one
 * level up the branch ladder (四级机构 → 中支 → 分公司 → 总公司) the way a complaint's breached clock
 * is — the warning names the branch it went to, staff there see it on the breached case, and the
 * log line (level WARN) reaches the operators' alarms. Run every 5 minutes; a case is warned once
 * (a conditional create), however many runs see it.
 */
export async function warnStandardBreaches(
  deps: Pick<StandardsUseCaseDeps, 'repositories' | 'measurements' | 'businessCalendar' | 'now'> & {
    logger: Pick<Logger, 'warn'>;
  },
): Promise<WarningReport> {
  const now = deps.now();
  const all = await catalogue(deps);
  const fixed = new Map([...all].filter(([, versions]) => versions.some((v) => v.status === 'fixed')));
  const report: WarningReport = { breached: 0, warned: 0 };
  if (fixed.size === 0) return report;
  const events = await deps.measurements.listBetween(now - WARNING_LOOKBACK_MS, now + 1);
  const { cases } = computeAttainment(fixed, events, deps.businessCalendar, now, 'day');
  for (const c of cases) {
    const version = fixed.get(c.standardId)?.find((v) => v.version === c.version);
    if (c.status !== 'breached' || version?.status !== 'fixed') continue;
    report.breached += 1;
    const escalatedTo = parentBranchPath(c.branchPath);
    const raised = await deps.repositories.standards.raiseWarning({
      standardId: c.standardId,
      caseId: c.caseId,
      version: c.version,
      branchPath: c.branchPath,
      escalatedTo,
      raisedAt: now,
    });
    if (!raised) continue;
    report.warned += 1;
    deps.logger.warn('service standard breached', {
      standardId: c.standardId,
      version: c.version,
      caseId: c.caseId,
      branchPath: c.branchPath,
      escalatedTo,
    });
  }
  return report;
}
