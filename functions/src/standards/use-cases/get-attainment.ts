import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AttainmentFold, attainmentRate, rollUp } from '@zhixiang/shared/standards/attainment';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { JOURNEY_LABELS } from '@zhixiang/shared/standards/model';
import { averageHundredths, ratingCells, ratingOf } from '@zhixiang/shared/standards/ratings';
import type { AttainmentReport } from '@zhixiang/shared/standards/schemas';
import {
  branchNamesOf,
  catalogue,
  nameOf,
  reaches,
  type StandardsUseCaseDeps,
  type Window,
  windowPages,
} from './standards-access';

/** Attainment per standard (worst first) and per standard × branch × period, for the caller's subtree. */
export async function getStandardsAttainment(
  deps: StandardsUseCaseDeps,
  auth: AccessClaims,
  window: Window,
): Promise<AttainmentReport> {
  const now = deps.now();
  const standards = await catalogue(deps);
  // Streamed: each page of the stream is folded into the open cases and the cells and let go, so
  // the job's memory follows the open cases, not the events of the window (docs/benchmarks.md).
  const fold = new AttainmentFold(standards, deps.businessCalendar, window.granularity, {
    startsBefore: window.toMs,
    counts: (c) => reaches(auth, c.branchPath),
  });
  const rated: MeasurementEvent[] = [];
  for await (const page of windowPages(deps, window, now)) {
    fold.add(page);
    for (const e of page) if (ratingOf(e) !== null) rated.push(e);
  }
  const cells = fold.finish(now);
  const ratings = ratingCells(
    rated,
    (e) => e.at >= window.fromMs && e.at < window.toMs && reaches(auth, e.branchPath),
  );
  const perStandard = rollUp(cells, (cell) => cell.standardId);
  const rows = [...standards.entries()].map(([standardId, versions]) => {
    const newest = versions.at(-1) ?? versions[0];
    const sum = perStandard.get(standardId) ?? { cases: 0, met: 0, breached: 0, open: 0 };
    const rate = attainmentRate(sum);
    const inForce =
      [...versions].reverse().find((v) => v.steps.pilot !== undefined || v.steps.rolled_out !== undefined) ??
      newest;
    const requiredShare = inForce?.target.requiredShare ?? 1;
    return {
      standardId,
      journey: inForce?.journey ?? 'information',
      journeyLabel: JOURNEY_LABELS[inForce?.journey ?? 'information'],
      touchpoint: inForce?.touchpoint ?? '',
      name: inForce?.name ?? '',
      requiredShare,
      ...sum,
      rate,
      attained: rate === null ? null : rate >= requiredShare,
    };
  });
  rows.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.standardId.localeCompare(b.standardId));
  const byBranchPeriod = rollUp(cells, (cell) => `${cell.standardId}|${cell.branchPath}|${cell.period}`);
  const names = await branchNamesOf(deps, [
    ...cells.map((c) => c.branchPath),
    ...ratings.map((r) => r.branchPath),
  ]);
  return {
    from: window.from,
    to: window.to,
    granularity: window.granularity,
    standards: rows,
    ratings: ratings.map((r) => ({
      journey: r.journey,
      journeyLabel: r.journeyLabel,
      branchPath: r.branchPath,
      branchName: nameOf(names, r.branchPath),
      count: r.count,
      average: (averageHundredths(r) ?? 0) / 100,
      low: r.low,
      lowShare: r.low / r.count,
    })),
    cells: [...byBranchPeriod].map(([key, sum]) => {
      const [standardId = '', branchPath = '', period = ''] = key.split('|');
      return {
        standardId,
        branchPath,
        branchName: nameOf(names, branchPath),
        period,
        ...sum,
        rate: attainmentRate(sum),
      };
    }),
  };
}
