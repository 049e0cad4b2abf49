import { isInBranchSubtree } from '../auth/access';
import type { CaseOutcome } from './measure';
import type { StandardVersion } from './model';

/**
 * Effect evaluation (效果评估): two groups of cases compared with a test suited to what is
 * measured — the two-proportion z-test for the share of cases met, the Mann–Whitney U test (normal
 * approximation with tie correction) for durations. When the groups are too small for the
 * approximation to hold, the result says so plainly instead of giving a p-value.
 */

export interface Comparison {
  /** What is compared, in words. */
  label: string;
  groupA: { label: string; n: number; value: number | null };
  groupB: { label: string; n: number; value: number | null };
  /** B − A (share in percentage points ÷ 100, or median milliseconds). */
  difference: number | null;
  test: 'two_proportion_z' | 'mann_whitney_u';
  statistic: number | null;
  pValue: number | null;
  /** True when p < 0.05. */
  significant: boolean;
  /** The plain verdict shown to people. */
  verdict: string;
}

/** Minimum expected successes and failures per group for the z-test's normal approximation. */
export const MIN_EXPECTED = 5;
/** Minimum cases per group for the U test's normal approximation. */
export const MIN_RANK_SAMPLE = 8;
const ALPHA = 0.05;

/** The standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const twoSided = (z: number) => Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));

type ComparisonBase = Omit<Comparison, 'statistic' | 'pValue' | 'significant' | 'verdict'>;

/** The answer when the groups are too small for the test: no p-value, and the reason in words. */
function tooFew(base: ComparisonBase, why: string): Comparison {
  return {
    ...base,
    statistic: null,
    pValue: null,
    significant: false,
    verdict: `数据过少，无法判断差异是否显著（${why}）`,
  };
}

function verdictOf(pValue: number | null): { significant: boolean; verdict: string } {
  if (pValue === null) return { significant: false, verdict: '两组没有差异' };
  return pValue < ALPHA
    ? { significant: true, verdict: `差异显著（p = ${pValue.toFixed(4)}）` }
    : { significant: false, verdict: `差异不显著（p = ${pValue.toFixed(4)}），不能认为两组不同` };
}

/** Two-proportion z-test of met ÷ cases in group A against group B. */
export function compareProportions(
  label: string,
  a: { label: string; met: number; n: number },
  b: { label: string; met: number; n: number },
): Comparison {
  const pa = a.n ? a.met / a.n : null;
  const pb = b.n ? b.met / b.n : null;
  const base = {
    label,
    groupA: { label: a.label, n: a.n, value: pa },
    groupB: { label: b.label, n: b.n, value: pb },
    difference: pa !== null && pb !== null ? pb - pa : null,
    test: 'two_proportion_z' as const,
  };
  const pooled = a.n + b.n ? (a.met + b.met) / (a.n + b.n) : 0;
  const small = [a.n, b.n].some((n) => n * pooled < MIN_EXPECTED || n * (1 - pooled) < MIN_EXPECTED);
  if (small)
    return tooFew(base, `每组达标与未达标的预期个案都须至少 ${MIN_EXPECTED} 个；现为 ${a.n} 个与 ${b.n} 个`);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = se === 0 ? 0 : ((pb as number) - (pa as number)) / se;
  const pValue = se === 0 ? null : twoSided(z);
  return { ...base, statistic: z, pValue, ...verdictOf(pValue) };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Mann–Whitney U test of durations in group A against group B (two-sided). */
export function compareDurations(
  label: string,
  a: { label: string; values: readonly number[] },
  b: { label: string; values: readonly number[] },
): Comparison {
  const ma = median(a.values);
  const mb = median(b.values);
  const n1 = a.values.length;
  const n2 = b.values.length;
  const base = {
    label,
    groupA: { label: a.label, n: n1, value: ma },
    groupB: { label: b.label, n: n2, value: mb },
    difference: ma !== null && mb !== null ? mb - ma : null,
    test: 'mann_whitney_u' as const,
  };
  if (n1 < MIN_RANK_SAMPLE || n2 < MIN_RANK_SAMPLE)
    return tooFew(base, `每组至少 ${MIN_RANK_SAMPLE} 个已结束的个案；现为 ${n1} 个与 ${n2} 个`);
  const all = [...a.values.map((v) => ({ v, g: 0 })), ...b.values.map((v) => ({ v, g: 1 }))].sort(
    (x, y) => x.v - y.v,
  );
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && (all[j] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if ((all[k] as { g: number }).g === 0) rankSumA += rank;
    const t = j - i;
    tieTerm += t * t * t - t;
    i = j;
  }
  const u1 = rankSumA - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { ...base, statistic: u1, pValue: null, ...verdictOf(null) };
  const z = (u1 - mean) / Math.sqrt(variance);
  const pValue = twoSided(z);
  return { ...base, statistic: u1, pValue, ...verdictOf(pValue) };
}

export interface VersionEvaluation {
  /** Pilot branches before the pilot against the same branches after it. */
  beforeAfter: Comparison[];
  /** During the pilot: pilot branches against the other branches of the scope. */
  pilotVsOthers: Comparison[];
}

/**
 * Evaluates a piloted version from cases measured under its own definition in every branch of
 * its scope (`measureCases` with the version, whatever was in force then): the share met, and for
 * a duration metric the durations of the closed cases. Open cases that are not yet breached are
 * left out: their result is not known.
 */
export function evaluateVersion(
  version: Pick<StandardVersion, 'pilotBranches' | 'steps' | 'metric'>,
  cases: readonly CaseOutcome[],
): VersionEvaluation {
  const pilotAt = version.steps.pilot;
  if (pilotAt === undefined) return { beforeAfter: [], pilotVsOthers: [] };
  const pilotEnd = version.steps.rolled_out ?? Number.POSITIVE_INFINITY;
  const decided = cases.filter((c) => c.status !== 'open');
  const inPilot = (c: CaseOutcome) => version.pilotBranches.some((b) => isInBranchSubtree(c.branchPath, b));
  const before = decided.filter((c) => inPilot(c) && c.startAt < pilotAt);
  const after = decided.filter((c) => inPilot(c) && c.startAt >= pilotAt);
  const during = decided.filter((c) => c.startAt >= pilotAt && c.startAt < pilotEnd);
  const pilot = during.filter(inPilot);
  const others = during.filter((c) => !inPilot(c));
  const compare = (label: string, a: CaseOutcome[], aLabel: string, b: CaseOutcome[], bLabel: string) => {
    const out = [
      compareProportions(
        `${label}：达标率`,
        { label: aLabel, met: a.filter((c) => c.status === 'met').length, n: a.length },
        { label: bLabel, met: b.filter((c) => c.status === 'met').length, n: b.length },
      ),
    ];
    if (version.metric.kind === 'duration') {
      const durations = (list: CaseOutcome[]) =>
        list.filter((c) => c.stopAt !== null && c.elapsedMs !== null).map((c) => c.elapsedMs as number);
      out.push(
        compareDurations(
          `${label}：用时中位数`,
          { label: aLabel, values: durations(a) },
          { label: bLabel, values: durations(b) },
        ),
      );
    }
    return out;
  };
  return {
    beforeAfter: compare('试点机构试点前后', before, '试点前', after, '试点后'),
    pilotVsOthers: compare('试点期间试点机构与其他机构', others, '其他机构', pilot, '试点机构'),
  };
}
