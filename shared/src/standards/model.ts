import { isInBranchSubtree } from '../auth/access';

/**
 * Service standards (服务标准体系): each standard names one of the ten customer journeys and a
 * touchpoint, a metric measured from domain events, a target with the share of cases that must
 * meet it, its scope of branches, and the peer benchmark it was set against (调研对标). A standard
 * changes by versions; each version walks the seven steps as a life cycle:
 *
 *   draft (流程梳理、调研对标) → locked (锁定最优) → pilot (试点调整, chosen branches)
 *     → rolled_out (优化推广) → evaluated (效果评估) → fixed (系统固化)
 *
 * Only these forward steps are allowed; anything else is refused with the reason.
 */

export const JOURNEYS = [
  'information',
  'application',
  'new_policy_callback',
  'renewal_payment',
  'endorsement',
  'policy_loan',
  'claim',
  'consultation',
  'complaint',
  'maturity_benefit',
] as const;
export type Journey = (typeof JOURNEYS)[number];
export const JOURNEY_LABELS: Record<Journey, string> = {
  information: '信息获取',
  application: '投保',
  new_policy_callback: '新单回访',
  renewal_payment: '续期缴费',
  endorsement: '保全变更',
  policy_loan: '保单贷款',
  claim: '理赔',
  consultation: '咨询',
  complaint: '投诉',
  maturity_benefit: '满期/生存给付',
};

/**
 * How elapsed time is counted: the calendar clock; business days of the business calendar (a
 * business day counts 00:00–24:00, as the complaints context counts it); or service hours — the
 * minutes `[fromMinute, toMinute)` of each day (of business days only, when `businessDaysOnly`).
 */
export type StandardClock =
  | { kind: 'calendar' }
  | { kind: 'business_days' }
  | { kind: 'service_hours'; fromMinute: number; toMinute: number; businessDaysOnly: boolean };

/** A pause starts at `pause` and ends at the next `resume` (or the stop event). */
export interface PauseRule {
  pause: string;
  resume: string;
}

/**
 * The metric: a duration from a start event to the first stop event after it, less the paused
 * time; or a rate — an eligible event opens a case that the delivered event meets. A journey
 * instance's next start after its case closed opens its next case (`measureCases`).
 */
export type StandardMetric =
  | { kind: 'duration'; start: string[]; stop: string[]; pauses: PauseRule[] }
  | { kind: 'rate'; eligible: string[]; delivered: string[] };

/**
 * The target. A duration case meets it when its measured time is `within` the limit (at most) or
 * `at_least` the limit (a notice sent far enough ahead); a rate case when it is delivered. The
 * standard is attained when at least `requiredShare` (0–1) of the cases meet it.
 */
export interface StandardTarget {
  /** Duration metrics only. */
  limitMs?: number;
  bound?: 'within' | 'at_least';
  clock?: StandardClock;
  requiredShare: number;
}

/** The peer value and where it comes from (调研对标). */
export interface Benchmark {
  value: string;
  source: string;
}

export const VERSION_STATUSES = ['draft', 'locked', 'pilot', 'rolled_out', 'evaluated', 'fixed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: '草案（流程梳理、调研对标）',
  locked: '目标已锁定',
  pilot: '试点中',
  rolled_out: '已推广',
  evaluated: '已评估',
  fixed: '已固化',
};

/** The one step allowed out of each status. */
export const NEXT_STATUS: Record<VersionStatus, VersionStatus | null> = {
  draft: 'locked',
  locked: 'pilot',
  pilot: 'rolled_out',
  rolled_out: 'evaluated',
  evaluated: 'fixed',
  fixed: null,
};

export interface StandardDefinition {
  standardId: string;
  journey: Journey;
  touchpoint: string;
  name: string;
  metric: StandardMetric;
  target: StandardTarget;
  /** Branch paths the standard covers (a prefix covers the subtree); empty = every branch. */
  scope: string[];
  benchmark: Benchmark;
  /** Which events it is measured from, in words (shown in the catalogue and docs). */
  measuredFrom: string;
}

export interface StandardVersion extends StandardDefinition {
  version: number;
  status: VersionStatus;
  /** Pilot branches (paths; a prefix covers the subtree), chosen when piloting. */
  pilotBranches: string[];
  /** Epoch ms of each step taken: lockedAt, pilotAt, rolledOutAt, evaluatedAt, fixedAt. */
  steps: Partial<Record<Exclude<VersionStatus, 'draft'>, number>>;
  createdAt: number;
}

export type TransitionRefusal = { ok: false; message: string };

/**
 * The next state of a version after moving it to `to`, or the reason it is refused. Piloting
 * needs at least one pilot branch inside the scope.
 */
export function transition(
  version: StandardVersion,
  to: VersionStatus,
  at: number,
  pilotBranches?: string[],
): { ok: true; version: StandardVersion } | TransitionRefusal {
  const next = NEXT_STATUS[version.status];
  if (to === 'draft') return { ok: false, message: '已离开草案的版本不能退回草案，请新建版本' };
  if (next !== to)
    return {
      ok: false,
      message: next
        ? `该版本当前为「${VERSION_STATUS_LABELS[version.status]}」，下一步只能是「${VERSION_STATUS_LABELS[next]}」`
        : '该版本已固化，不能再变更，请新建版本',
    };
  let pilot = version.pilotBranches;
  if (to === 'pilot') {
    if (!pilotBranches || pilotBranches.length === 0) return { ok: false, message: '试点须至少选择一个机构' };
    const outside = pilotBranches.find((b) => !inScope(version.scope, b));
    if (outside) return { ok: false, message: `试点机构 ${outside} 不在该标准的适用范围内` };
    pilot = pilotBranches;
  }
  return {
    ok: true,
    version: { ...version, status: to, pilotBranches: pilot, steps: { ...version.steps, [to]: at } },
  };
}

/** Whether a branch path lies in the scope (empty scope = every branch; prefixes cover subtrees). */
export function inScope(scope: readonly string[], branchPath: string): boolean {
  return scope.length === 0 || scope.some((prefix) => isInBranchSubtree(branchPath, prefix));
}

/**
 * Whether the version applies to a case that started at `at` in `branchPath`: from its pilot (in
 * the pilot branches) and from its roll-out (in the whole scope).
 */
export function appliesTo(version: StandardVersion, branchPath: string, at: number): boolean {
  if (!inScope(version.scope, branchPath)) return false;
  const rolledOut = version.steps.rolled_out;
  if (rolledOut !== undefined && at >= rolledOut) return true;
  const pilot = version.steps.pilot;
  return (
    pilot !== undefined && at >= pilot && version.pilotBranches.some((b) => isInBranchSubtree(branchPath, b))
  );
}

/**
 * The version in force for a case: the newest version that applied to it when the case started.
 * A version changed mid-case never re-judges a case already under way.
 */
export function versionInForce(
  versions: readonly StandardVersion[],
  branchPath: string,
  caseStartAt: number,
): StandardVersion | undefined {
  let found: StandardVersion | undefined;
  for (const v of versions)
    if (appliesTo(v, branchPath, caseStartAt) && (!found || v.version > found.version)) found = v;
  return found;
}
