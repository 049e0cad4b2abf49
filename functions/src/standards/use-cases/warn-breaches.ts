import type { Logger } from '@aws-lambda-powertools/logger';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import { alertBranch, alertLevelLabel, alertLevels } from '@zhixiang/shared/standards/alerts';
import { AttainmentFold, type MeasuredCase } from '@zhixiang/shared/standards/attainment';
import { mapConcurrently } from '../../platform/concurrency';
import { branchNamesOf, catalogue, nameOf, type StandardsUseCaseDeps } from './standards-access';

/** How far back each run looks for cases of fixed standards. */
export const WARNING_LOOKBACK_MS = 7 * 86_400_000;

/** Alerts written at once: their transactions overlap, a slow one does not hold up the run. */
export const ALERT_CONCURRENCY = 8;

export interface WarningReport {
  /** Cases of fixed standards that reached at least one alert level. */
  alerting: number;
  /** Alerts this run raised (each case × level once, whichever run wrote it first). */
  raised: number;
  /** Alerts already raised (by an earlier or an overlapping run). */
  repeated: number;
}

/**
 * 系统固化: each case of a fixed version raises its alerts (`alertLevels`): the warning at 80 % of its
 * clock to the case's branch, the breach one level up, and one more level for each further multiple
 * of the limit it stays open — the complaints' warning ratio and ladder (四级机构 → 中支 → 分公司 →
 * 总公司). Each alert is a conditional create with its audit event in one transaction, so when two
 * runs overlap each case × level is raised once. The staff of the branch it went to (and every
 * level above) find it in `GET /standards/alerts` and on the dashboard, and the log line (WARN, with
 * the branch's name and the policy number masked) reaches the operators' alarms. Every 5 minutes.
 */
export async function warnStandardBreaches(
  deps: Pick<StandardsUseCaseDeps, 'repositories' | 'measurements' | 'businessCalendar' | 'now'> & {
    logger: Pick<Logger, 'warn'>;
  },
): Promise<WarningReport> {
  const now = deps.now();
  const all = await catalogue(deps);
  const fixed = new Map([...all].filter(([, versions]) => versions.some((v) => v.status === 'fixed')));
  const report: WarningReport = { alerting: 0, raised: 0, repeated: 0 };
  if (fixed.size === 0) return report;
  const pending: { c: MeasuredCase; level: number; escalatedTo: string }[] = [];
  // Streamed like the attainment report: only the open cases and the alerts due are held.
  const fold = new AttainmentFold(fixed, deps.businessCalendar, 'day', {
    onCase: (c) => {
      const version = fixed.get(c.standardId)?.find((v) => v.version === c.version);
      if (version?.status !== 'fixed') return;
      const levels = alertLevels(version, c);
      if (levels.length > 0) report.alerting += 1;
      for (const level of levels) pending.push({ c, level, escalatedTo: alertBranch(c.branchPath, level) });
    },
  });
  for await (const page of deps.measurements.pagesBetween(now - WARNING_LOOKBACK_MS, now + 1)) fold.add(page);
  fold.finish(now);
  if (pending.length === 0) return report;
  const names = await branchNamesOf(
    deps,
    pending.map((p) => p.escalatedTo),
  );
  await mapConcurrently(pending, ALERT_CONCURRENCY, async ({ c, level, escalatedTo }) => {
    const raised = await deps.repositories.standards.raiseAlert({
      standardId: c.standardId,
      caseId: c.caseId,
      version: c.version,
      level,
      branchPath: c.branchPath,
      escalatedTo,
      policyNo: c.policyNo,
      startAt: c.startAt,
      raisedAt: now,
    });
    if (!raised) {
      report.repeated += 1;
      return;
    }
    report.raised += 1;
    deps.logger.warn('service standard alert', {
      standardId: c.standardId,
      version: c.version,
      caseId: c.caseId,
      level,
      alert: alertLevelLabel(level),
      branch: nameOf(names, c.branchPath),
      escalatedTo: nameOf(names, escalatedTo),
      policyNo: c.policyNo ? maskIdNumber(c.policyNo) : null,
    });
  });
  return report;
}
