import { parentBranchPath } from '../auth/access';
import { WARNING_RATIO } from '../complaints/clocks';
import type { CaseOutcome } from './measure';
import type { StandardDefinition } from './model';

/**
 * 系统固化: the alerts a case of a fixed standard raises, on the complaints' own terms — a warning
 * at 80 % of the clock (`WARNING_RATIO`, the complaints' clocks), then escalation up the branch
 * ladder (四级机构 → 中支 → 分公司 → 总公司, `parentBranchPath`). Levels, each raised once per case:
 *
 * - 0 — warning: a `within` duration case still open at 80 % of its limit; to the case's branch;
 * - 1 — breached: the case breached its target (open past its limit, or closed outside it); one
 *   level up;
 * - n ≥ 2 — still open after n times its limit: n levels up (the root stays the root).
 *
 * A case first seen past several levels reaches each of them at once (each once). A rate standard's
 * case is never breached (it is met or still open), so it raises nothing.
 */
export const ALERT_WARNING = 0;
export const ALERT_BREACH = 1;

/** The deepest level raised, so a case forgotten for months does not raise one alert per limit. */
export const MAX_ALERT_LEVEL = 4;

export function alertLevelLabel(level: number): string {
  if (level === ALERT_WARNING) return '临近超时预警';
  if (level === ALERT_BREACH) return '超时升级';
  return `超时 ${level} 倍时限，再次升级`;
}

/** The levels a measured case has reached, ascending (empty when it raises nothing). */
export function alertLevels(
  definition: Pick<StandardDefinition, 'metric' | 'target'>,
  outcome: Pick<CaseOutcome, 'status' | 'stopAt' | 'elapsedMs'>,
): number[] {
  if (definition.metric.kind !== 'duration') return [];
  const limit = definition.target.limitMs ?? 0;
  const within = definition.target.bound !== 'at_least';
  const elapsed = outcome.elapsedMs ?? 0;
  const levels: number[] = [];
  const open = outcome.stopAt === null;
  if (within && limit > 0 && (open || outcome.status === 'breached') && elapsed >= limit * WARNING_RATIO)
    levels.push(ALERT_WARNING);
  if (outcome.status !== 'breached') return levels;
  levels.push(ALERT_BREACH);
  if (open && within && limit > 0) {
    const times = Math.min(MAX_ALERT_LEVEL, Math.floor(elapsed / limit));
    for (let level = 2; level <= times; level++) levels.push(level);
  }
  return levels;
}

/** The branch an alert of `level` goes to: `level` steps up from the case's branch, at most the root. */
export function alertBranch(branchPath: string, level: number): string {
  let path = branchPath;
  for (let i = 0; i < level; i++) path = parentBranchPath(path) ?? path;
  return path;
}
