import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { StandardAlert } from '@zhixiang/shared/ports/standards';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import { alertLevelLabel } from '@zhixiang/shared/standards/alerts';
import { AttainmentFold, type MeasuredCase } from '@zhixiang/shared/standards/attainment';
import { caseKeyOf } from '@zhixiang/shared/standards/measure';
import { mapConcurrently } from '../../platform/concurrency';
import {
  branchNamesOf,
  catalogue,
  nameOf,
  reaches,
  requireVersions,
  type StandardsUseCaseDeps,
  type Window,
  windowPages,
} from './standards-access';

/** At most this many breached cases per answer, the most recent first. */
export const MAX_BREACHES = 200;

/** Timelines read at once. */
const TIMELINE_READS = 8;

/**
 * The newest `MAX_BREACHES` breached cases of the standard started in the window, in the caller's
 * reach: the window's stream folded a page at a time (as the attainment report reads it), holding
 * the open cases and at most twice the cases listed.
 */
async function newestBreaches(
  deps: StandardsUseCaseDeps,
  auth: AccessClaims,
  standardId: string,
  window: Window,
): Promise<MeasuredCase[]> {
  const now = deps.now();
  const standards = new Map([...(await catalogue(deps))].filter(([id]) => id === standardId));
  const newestFirst = (list: MeasuredCase[]) =>
    list.sort((a, b) => b.startAt - a.startAt).slice(0, MAX_BREACHES);
  let kept: MeasuredCase[] = [];
  const fold = new AttainmentFold(standards, deps.businessCalendar, window.granularity, {
    startsBefore: window.toMs,
    counts: (c) => c.status === 'breached' && reaches(auth, c.branchPath),
    onCase: (c) => {
      kept.push(c);
      if (kept.length >= 2 * MAX_BREACHES) kept = newestFirst(kept);
    },
  });
  for await (const page of windowPages(deps, window, now)) fold.add(page);
  fold.finish(now);
  return newestFirst(kept);
}

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
  const breached = await newestBreaches(deps, auth, standardId, window);
  const alerts = new Map<string, StandardAlert[]>();
  for (const a of await deps.repositories.standards.listAlerts(standardId))
    alerts.set(caseKeyOf(a), [...(alerts.get(caseKeyOf(a)) ?? []), a]);
  // The timelines of the cases listed only, each journey instance read once from its own index
  // (a reopened instance can have several cases listed).
  const instances = [...new Set(breached.map((c) => c.caseId))];
  const read = await mapConcurrently(instances, TIMELINE_READS, (caseId) =>
    deps.measurements.listCase(caseId),
  );
  const timelines = new Map(instances.map((caseId, i) => [caseId, read[i] ?? []]));
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
        timeline: (timelines.get(c.caseId) ?? [])
          .filter((e) => e.at >= c.startAt && (c.stopAt === null || e.at <= c.stopAt))
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
