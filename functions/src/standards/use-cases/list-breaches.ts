import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { StandardAlert } from '@zhixiang/shared/ports/standards';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import { alertLevelLabel } from '@zhixiang/shared/standards/alerts';
import { caseKeyOf, type MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { casesInWindow } from './get-attainment';
import {
  branchNamesOf,
  nameOf,
  requireVersions,
  type StandardsUseCaseDeps,
  type Window,
} from './standards-access';

/** At most this many breached cases per answer, the most recent first. */
export const MAX_BREACHES = 200;

/**
 * The breached cases of one standard in the caller's subtree, each with its timeline and warning.
 * Executives oversee and reach no policy: they see a case's policy number masked.
 */
export async function listStandardBreaches(
  deps: StandardsUseCaseDeps,
  auth: AccessClaims,
  standardId: string,
  window: Window,
) {
  await requireVersions(deps, standardId);
  const { cases, events } = await casesInWindow(deps, auth, window, standardId);
  const alerts = new Map<string, StandardAlert[]>();
  for (const a of await deps.repositories.standards.listAlerts(standardId))
    alerts.set(caseKeyOf(a), [...(alerts.get(caseKeyOf(a)) ?? []), a]);
  const byCase = new Map<string, MeasurementEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const breached = cases
    .filter((c) => c.status === 'breached')
    .sort((a, b) => b.startAt - a.startAt)
    .slice(0, MAX_BREACHES);
  const names = await branchNamesOf(deps, [
    ...breached.map((c) => c.branchPath),
    ...[...alerts.values()].flat().map((a) => a.escalatedTo),
  ]);
  return {
    standardId,
    cases: breached.map((c) => {
      return {
        caseId: c.caseId,
        branchPath: c.branchPath,
        branchName: nameOf(names, c.branchPath),
        policyNo: c.policyNo && auth.role === 'executive' ? maskIdNumber(c.policyNo) : c.policyNo,
        version: c.version,
        startAt: c.startAt,
        stopAt: c.stopAt,
        elapsedMs: c.elapsedMs,
        status: c.status,
        alerts: (alerts.get(caseKeyOf(c)) ?? [])
          .sort((a, b) => a.level - b.level)
          .map((a) => alertStep(a, names)),
        // The case's own events: the journey instance's from its start to its stop (or now).
        timeline: (byCase.get(c.caseId) ?? [])
          .filter((e) => e.at >= c.startAt && (c.stopAt === null || e.at <= c.stopAt))
          .sort((a, b) => a.at - b.at)
          .map(({ type, at, actor, source }) => ({ type, at, actor, source })),
      };
    }),
  };
}

/** One alert as a view shows it: its level in words and the branch it went to by name. */
export function alertStep(alert: StandardAlert, names: ReadonlyMap<string, string>) {
  return {
    level: alert.level,
    label: alertLevelLabel(alert.level),
    raisedAt: alert.raisedAt,
    escalatedTo: alert.escalatedTo,
    escalatedToName: nameOf(names, alert.escalatedTo),
  };
}
