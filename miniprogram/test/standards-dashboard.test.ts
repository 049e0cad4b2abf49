import type { AttainmentReport } from '@zhixiang/shared/standards/schemas';
import { describe, expect, it } from 'vitest';
import {
  attainmentBars,
  branchesOf,
  defaultStandard,
  periodLabel,
  periodQuery,
  trendOf,
  worstTouchpoints,
} from '../src/packages/standards/dashboard';

type Row = AttainmentReport['standards'][number];

function standard(
  standardId: string,
  touchpoint: string,
  met: number,
  cases: number,
  requiredShare: number,
): Row {
  const rate = cases === 0 ? null : met / cases;
  return {
    standardId,
    journey: 'consultation',
    journeyLabel: '咨询',
    touchpoint,
    name: `${touchpoint}标准`,
    requiredShare,
    cases,
    met,
    breached: cases - met,
    open: 0,
    rate,
    attained: rate === null ? null : rate >= requiredShare,
  };
}

const NAMES: Record<string, string> = { 'HQ/SH/SH-PD': '浦东中支', 'HQ/SH/SH-MH': '闵行中支' };
function cell(standardId: string, branchPath: string, period: string, met: number, cases: number) {
  const branchName = NAMES[branchPath] ?? branchPath;
  return {
    standardId,
    branchPath,
    branchName,
    period,
    cases,
    met,
    breached: cases - met,
    open: 0,
    rate: met / cases,
  };
}

const report: AttainmentReport = {
  from: '2026-11-06',
  to: '2026-12-05',
  granularity: 'day',
  ratings: [],
  standards: [
    standard('hotline', '客服热线', 3, 5, 0.8),
    standard('info', '保单信息查询', 1, 1, 0.95),
    standard('claims', '理赔审核', 0, 0, 0.9),
  ],
  cells: [
    cell('hotline', 'HQ/SH/SH-PD', '2026-12-05', 2, 3),
    cell('hotline', 'HQ/SH/SH-MH', '2026-12-05', 1, 2),
    cell('hotline', 'HQ/SH/SH-MH', '2026-12-04', 1, 4),
    cell('info', 'HQ/SH/SH-PD', '2026-12-05', 1, 1),
  ],
};

describe('the standards dashboard’s figures (from the attainment report only)', () => {
  it('asks the route for the last 7 or 30 days by day, or 12 weeks by week', () => {
    expect(periodQuery('days7', '2026-12-05')).toEqual({
      from: '2026-11-29',
      to: '2026-12-05',
      granularity: 'day',
    });
    expect(periodQuery('days30', '2026-12-05')).toEqual({
      from: '2026-11-06',
      to: '2026-12-05',
      granularity: 'day',
    });
    expect(periodQuery('weeks', '2026-12-05')).toEqual({
      from: '2026-09-13',
      to: '2026-12-05',
      granularity: 'week',
    });
  });

  it('sums the chosen standard’s branches per period, oldest first, labelled for the axis', () => {
    expect(trendOf(report, 'hotline')).toEqual([
      { label: '12-04', percent: 25, cases: 4, met: 1 },
      { label: '12-05', percent: 60, cases: 5, met: 3 },
    ]);
    expect(periodLabel('2026-W49')).toBe('W49');
    expect(periodLabel('2026-12')).toBe('2026-12');
  });

  it('compares the chosen standard’s branches over the whole period, worst first, by name', () => {
    expect(branchesOf(report, 'hotline')).toEqual([
      { label: '闵行中支', percent: 33.3, cases: 6, met: 2 },
      { label: '浦东中支', percent: 66.7, cases: 3, met: 2 },
    ]);
    expect(branchesOf(report, 'claims')).toEqual([]);
  });

  it('bars each measured standard beside its required share; a standard without cases has none', () => {
    expect(attainmentBars(report.standards)).toEqual([
      { label: '客服热线', kind: '达标率', percent: 60 },
      { label: '客服热线', kind: '要求', percent: 80 },
      { label: '保单信息查询', kind: '达标率', percent: 100 },
      { label: '保单信息查询', kind: '要求', percent: 95 },
    ]);
  });

  it('puts touchpoints short of their required share first, and leaves out those without cases', () => {
    const worst = worstTouchpoints(report.standards);
    expect(worst.map((t) => [t.touchpoint, t.met, t.cases])).toEqual([
      ['客服热线', 3, 5],
      ['保单信息查询', 1, 1],
    ]);
    expect(worst[0]?.shortfall).toBeCloseTo(0.2);
    expect(worst[1]?.shortfall).toBe(0);
  });

  it('chooses the worst standard with cases first', () => {
    expect(defaultStandard(report.standards)).toBe('hotline');
    expect(defaultStandard([standard('claims', '理赔审核', 0, 0, 0.9)])).toBe('claims');
    expect(defaultStandard([])).toBeNull();
  });
});
