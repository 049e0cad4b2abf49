import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { casesInWindow } from './get-attainment';
import { requireVersions, type StandardsUseCaseDeps, type Window } from './standards-access';

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
  const warnings = new Map(
    (await deps.repositories.standards.listWarnings(standardId)).map((w) => [w.caseId, w]),
  );
  const byCase = new Map<string, MeasurementEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const breached = cases
    .filter((c) => c.status === 'breached')
    .sort((a, b) => b.startAt - a.startAt)
    .slice(0, MAX_BREACHES);
  return {
    standardId,
    cases: breached.map((c) => {
      const warning = warnings.get(c.caseId);
      return {
        caseId: c.caseId,
        branchPath: c.branchPath,
        policyNo: c.policyNo && auth.role === 'executive' ? maskIdNumber(c.policyNo) : c.policyNo,
        version: c.version,
        startAt: c.startAt,
        stopAt: c.stopAt,
        elapsedMs: c.elapsedMs,
        status: c.status,
        warning: warning ? { raisedAt: warning.raisedAt, escalatedTo: warning.escalatedTo } : null,
        timeline: (byCase.get(c.caseId) ?? [])
          .sort((a, b) => a.at - b.at)
          .map(({ type, at, actor, source }) => ({ type, at, actor, source })),
      };
    }),
  };
}
