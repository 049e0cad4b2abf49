import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import type { StandardStore, StoredStandardVersion } from '@zhixiang/shared/ports/standards';
import type { Granularity } from '@zhixiang/shared/standards/attainment';
import {
  AttainmentQuerySchema,
  MAX_RANGE_DAYS,
  STANDARD_NOT_FOUND_MESSAGE,
} from '@zhixiang/shared/standards/schemas';
import { parseDayRange } from '../../platform/http/day-range';
import type { StandardsDeps } from '../wiring';

export type StandardsUseCaseDeps = Pick<
  StandardsDeps,
  'repositories' | 'measurements' | 'businessCalendar' | 'now'
>;

/**
 * Branch names for the paths a view shows (`HQ/SH/SH-PD` → 浦东中支), from the branch directory:
 * each root's subtree read once (one query per head office). A path not in it shows its own code.
 */
export async function branchNamesOf(
  deps: { repositories: { branches: Pick<BranchRepository, 'listSubtree'> } },
  paths: Iterable<string>,
): Promise<Map<string, string>> {
  const roots = [...new Set([...paths].map((path) => path.split('/')[0] ?? path))].filter(Boolean);
  const subtree = (
    await Promise.all(roots.map((root) => deps.repositories.branches.listSubtree(root)))
  ).flat();
  return new Map(subtree.map((b) => [b.path, b.name]));
}

/** A branch's name from `branchNamesOf`, or its code when the directory does not know it. */
export function nameOf(names: ReadonlyMap<string, string>, path: string): string {
  return names.get(path) ?? path.slice(path.lastIndexOf('/') + 1);
}

/** Admins read every branch; staff and executives only their branch subtree. */
export function reaches(auth: AccessClaims, branchPath: string): boolean {
  if (auth.role === 'admin') return true;
  return (
    (auth.role === 'staff' || auth.role === 'executive') &&
    isInBranchSubtree(branchPath, auth.branchPath ?? '')
  );
}

/** A standard's versions, ascending; 404 when it does not exist. */
export async function requireVersions(
  deps: Pick<StandardsUseCaseDeps, 'repositories'>,
  standardId: string,
): Promise<StoredStandardVersion[]> {
  const versions = await deps.repositories.standards.listVersions(standardId);
  if (versions.length === 0) throw new AppError('NOT_FOUND', STANDARD_NOT_FOUND_MESSAGE);
  return versions;
}

/** The catalogue as the measuring functions take it: standard id → its versions. */
export async function catalogue(deps: { repositories: { standards: Pick<StandardStore, 'listAll'> } }) {
  const all = await deps.repositories.standards.listAll();
  return new Map(all.map((versions) => [versions[0]?.standardId ?? '', versions]));
}

/** Days after a period's end still read, so a case started in it can stop later. */
export const STOP_GRACE_MS = 31 * 86_400_000;

/**
 * The stream a window's cases are measured from, a page at a time in event order: from the window's
 * start to `STOP_GRACE_MS` after its end (or now, if sooner), so a case started in it keeps its stop.
 */
export function windowPages(
  deps: Pick<StandardsUseCaseDeps, 'measurements'>,
  window: Pick<Window, 'fromMs' | 'toMs'>,
  now: number,
) {
  return deps.measurements.pagesBetween(window.fromMs, Math.min(now + 1, window.toMs + STOP_GRACE_MS));
}

export interface Window {
  from: string;
  to: string;
  fromMs: number;
  /** Exclusive: 00:00 after the last day. */
  toMs: number;
  granularity: Granularity;
}

/** Without dates, the window is the last 30 days up to today (Shanghai). */
export const DEFAULT_WINDOW_DAYS = 30;

/** `?from&to&granularity`: real days, in order, at most 93 days; by default the last 30 days. */
export function parseWindow(query: Record<string, string>, now: number): Window {
  const { from, to, fromMs, toMs, granularity } = parseDayRange(
    AttainmentQuerySchema,
    query,
    now,
    { defaultDays: DEFAULT_WINDOW_DAYS, maxDays: MAX_RANGE_DAYS },
    query.granularity ? { granularity: query.granularity } : {},
  );
  return { from, to, fromMs, toMs, granularity: granularity ?? 'day' };
}
