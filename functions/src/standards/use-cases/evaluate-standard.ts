import { AppError } from '@zhixiang/shared/errors';
import type { StoredStandardVersion } from '@zhixiang/shared/ports/standards';
import { AttainmentFold } from '@zhixiang/shared/standards/attainment';
import { evaluateVersion } from '@zhixiang/shared/standards/evaluation';
import type { CaseOutcome } from '@zhixiang/shared/standards/measure';
import { inScope } from '@zhixiang/shared/standards/model';
import { type EvaluationView, VERSION_NOT_FOUND_MESSAGE } from '@zhixiang/shared/standards/schemas';
import { requireVersions, type StandardsUseCaseDeps } from './standards-access';

const DAY = 86_400_000;
/** The longest window compared on each side of the pilot's start. */
const MAX_SIDE_MS = 90 * DAY;

/**
 * 效果评估: the cases of the version's scope measured under its own definition, from a window
 * before the pilot as long as the time since it (1–90 days), compared before against after and
 * pilot branches against the others (evaluation.ts).
 */
export async function computeEvaluation(
  deps: Pick<StandardsUseCaseDeps, 'measurements' | 'businessCalendar' | 'now'>,
  version: StoredStandardVersion,
): Promise<EvaluationView> {
  const pilotAt = version.steps.pilot;
  if (pilotAt === undefined) throw new AppError('CONFLICT', '该版本尚未试点，无法评估');
  const now = deps.now();
  const side = Math.min(MAX_SIDE_MS, Math.max(DAY, now - pilotAt));
  const from = pilotAt - side;
  // Streamed as the attainment report is: only the open cases and the outcomes are held.
  const cases: CaseOutcome[] = [];
  const fold = new AttainmentFold(new Map([[version.standardId, [version]]]), deps.businessCalendar, 'day', {
    judgedBy: (_, start) => (inScope(version.scope, start.branchPath) ? version : undefined),
    onCase: (c) => cases.push(c),
  });
  for await (const page of deps.measurements.pagesBetween(from, now + 1)) fold.add(page);
  fold.finish(now);
  return {
    standardId: version.standardId,
    version: version.version,
    from,
    to: now,
    ...evaluateVersion(version, cases),
  };
}

/** `?version=N` (default: the newest piloted version): the recorded evaluation, or one computed now. */
export async function getStandardEvaluation(
  deps: StandardsUseCaseDeps,
  standardId: string,
  versionText: string | undefined,
): Promise<EvaluationView> {
  const versions = await requireVersions(deps, standardId);
  if (versionText !== undefined && !/^[1-9]\d{0,3}$/.test(versionText))
    throw new AppError('VALIDATION_FAILED', '版本号应为正整数', { field: 'version' });
  const version = versionText
    ? versions.find((v) => v.version === Number(versionText))
    : versions.filter((v) => v.steps.pilot !== undefined).at(-1);
  if (!version)
    throw new AppError('NOT_FOUND', versionText ? VERSION_NOT_FOUND_MESSAGE : '该服务标准还没有试点过的版本');
  return version.evaluation ?? computeEvaluation(deps, version);
}
