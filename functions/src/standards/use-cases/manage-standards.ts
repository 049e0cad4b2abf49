import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { StoredStandardVersion } from '@zhixiang/shared/ports/standards';
import { transition, VERSION_STATUS_LABELS, type VersionStatus } from '@zhixiang/shared/standards/model';
import {
  DRAFT_EXISTS_MESSAGE,
  JOURNEY_CHANGED_MESSAGE,
  STANDARD_NOT_FOUND_MESSAGE,
  type StandardDraft,
  type StandardVersionView,
  VERSION_CHANGED_MESSAGE,
  VERSION_NOT_FOUND_MESSAGE,
} from '@zhixiang/shared/standards/schemas';
import { standardVersionView } from '@zhixiang/shared/standards/view';
import { computeEvaluation } from './evaluate-standard';
import type { StandardsUseCaseDeps } from './standards-access';

const startsOf = (v: Pick<StandardDraft, 'metric'>) =>
  [...(v.metric.kind === 'rate' ? v.metric.eligible : v.metric.start)].sort().join(',');

/**
 * 流程梳理、调研对标: an admin drafts the next version of a standard (the first creates it). A
 * standard keeps its journey and the events that open its cases across versions — a case is
 * judged by the version in force when it started, so every version must recognise the same start.
 */
export async function draftStandardVersion(
  deps: StandardsUseCaseDeps,
  auth: AccessClaims,
  standardId: string,
  draft: StandardDraft,
): Promise<StandardVersionView> {
  const versions = await deps.repositories.standards.listVersions(standardId);
  const latest = versions.at(-1);
  if (latest?.status === 'draft') throw new AppError('CONFLICT', DRAFT_EXISTS_MESSAGE);
  if (latest && latest.journey !== draft.journey)
    throw new AppError('VALIDATION_FAILED', JOURNEY_CHANGED_MESSAGE, { field: 'journey' });
  if (latest && startsOf(latest) !== startsOf(draft))
    throw new AppError(
      'VALIDATION_FAILED',
      '各版本的起始事件须一致（个案按开始时生效的版本判定），请新建另一项标准',
      {
        field: 'metric',
      },
    );
  const at = deps.now();
  const version: StoredStandardVersion = {
    standardId,
    ...draft,
    version: (latest?.version ?? 0) + 1,
    status: 'draft',
    pilotBranches: [],
    steps: {},
    createdAt: at,
    evaluation: null,
  };
  const created = await deps.repositories.standards.create(version, {
    standardId,
    version: version.version,
    action: 'draft',
    at,
    actorId: auth.sub,
    detail: `起草第 ${version.version} 版：${draft.name}；对标 ${draft.benchmark.value}（${draft.benchmark.source}）`,
  });
  if (!created) throw new AppError('CONFLICT', VERSION_CHANGED_MESSAGE);
  return standardVersionView(version);
}

/**
 * 锁定最优 → 试点调整 → 优化推广 → 效果评估 → 系统固化: moves one version a step on, audited. Piloting
 * names the branches; evaluating records the evaluation computed from the measurement stream.
 * A step out of order is refused (409) with the step that is allowed.
 */
export async function changeStandardStatus(
  deps: StandardsUseCaseDeps,
  auth: AccessClaims,
  standardId: string,
  input: { version: number; to: VersionStatus; pilotBranches?: string[] },
): Promise<StandardVersionView> {
  const versions = await deps.repositories.standards.listVersions(standardId);
  if (versions.length === 0) throw new AppError('NOT_FOUND', STANDARD_NOT_FOUND_MESSAGE);
  const current = versions.find((v) => v.version === input.version);
  if (!current) throw new AppError('NOT_FOUND', VERSION_NOT_FOUND_MESSAGE);
  const at = deps.now();
  const moved = transition(current, input.to, at, input.pilotBranches);
  if (!moved.ok)
    throw new AppError(
      input.to === 'pilot' && current.status === 'locked' ? 'VALIDATION_FAILED' : 'CONFLICT',
      moved.message,
      {
        field: input.to === 'pilot' ? 'pilotBranches' : 'to',
      },
    );
  let next: StoredStandardVersion = { ...current, ...moved.version };
  if (input.to === 'evaluated') next = { ...next, evaluation: await computeEvaluation(deps, next) };
  const saved = await deps.repositories.standards.save(next, current.status, {
    standardId,
    version: current.version,
    action: input.to,
    at,
    actorId: auth.sub,
    detail:
      input.to === 'pilot'
        ? `第 ${current.version} 版进入试点：${next.pilotBranches.join('、')}`
        : `第 ${current.version} 版：${VERSION_STATUS_LABELS[current.status]} → ${VERSION_STATUS_LABELS[input.to]}`,
  });
  if (!saved) throw new AppError('CONFLICT', VERSION_CHANGED_MESSAGE);
  return standardVersionView(next);
}

/** The catalogue: every standard with all its versions. */
export async function listStandards(deps: Pick<StandardsUseCaseDeps, 'repositories'>) {
  const all = await deps.repositories.standards.listAll();
  return { standards: all.map((versions) => versions.map(standardVersionView)) };
}
