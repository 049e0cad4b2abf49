import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import type { AlertList } from '@zhixiang/shared/standards/schemas';
import { alertStep } from './list-breaches';
import {
  branchNamesOf,
  catalogue,
  nameOf,
  reaches,
  type StandardsUseCaseDeps,
  type Window,
} from './standards-access';

/** At most this many alerts per answer, the most recent first. */
export const MAX_ALERTS = 200;

/**
 * 系统固化's alerts for the people responsible: those raised in the window that went to a branch of
 * the caller's subtree (staff and executives; admins every branch) — the warnings of their own cases
 * and the breaches escalated to them from below — newest first, each naming its standard, the case's
 * branch and the branch it went to. Executives oversee and reach no policy: each policy number masked.
 */
export async function listStandardAlerts(
  deps: Pick<StandardsUseCaseDeps, 'repositories'>,
  auth: AccessClaims,
  window: Window,
): Promise<AlertList> {
  const scope = auth.role === 'admin' ? '' : (auth.branchPath ?? null);
  if (scope === null) return { from: window.from, to: window.to, alerts: [] };
  const [raised, standards] = await Promise.all([
    deps.repositories.standards.listAlertsTo(scope, window.fromMs, window.toMs),
    catalogue(deps),
  ]);
  const mine = raised
    .filter((a) => reaches(auth, a.escalatedTo))
    .sort((a, b) => b.raisedAt - a.raisedAt || b.level - a.level || a.caseId.localeCompare(b.caseId))
    .slice(0, MAX_ALERTS);
  const names = await branchNamesOf(
    deps,
    mine.flatMap((a) => [a.branchPath, a.escalatedTo]),
  );
  return {
    from: window.from,
    to: window.to,
    alerts: mine.map((a) => ({
      ...alertStep(a, names),
      standardId: a.standardId,
      standardName: standards.get(a.standardId)?.find((v) => v.version === a.version)?.name ?? a.standardId,
      caseId: a.caseId,
      branchPath: a.branchPath,
      branchName: nameOf(names, a.branchPath),
      policyNo: a.policyNo && auth.role === 'executive' ? maskIdNumber(a.policyNo) : a.policyNo,
      startAt: a.startAt,
    })),
  };
}
