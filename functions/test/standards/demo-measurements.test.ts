import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANCHES } from '../../src/seed/demo-data';
import { seedDemoMeasurements } from '../../src/seed/demo-measurements';
import { getStandardsAttainment } from '../../src/standards/use-cases/get-attainment';
import { parseWindow } from '../../src/standards/use-cases/standards-access';
import { createSystem, type System } from '../../src/system';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { measurementEventsBetween } from '../support/measurement-events';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * The demo month of measured events (演示数据) against DynamoDB Local: written through the signed
 * route's use case and the timings' writes, judged by the seeded catalogue (rolled out a month
 * before the seed's day), so a fresh stack's dashboard has attainment, trends, branch bars and
 * ratings; a re-seed writes nothing new; a deployed stage is refused.
 */
let container: System;

beforeAll(async () => {
  container = createSystem(undefined, { now: () => FIXED_NOW });
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
});

afterAll(() => undefined);

const deps = (stage: 'local' | 'dev' | 'prod') => ({
  stage,
  measurements: container.measurements,
  businessCalendar: container.businessCalendar,
  now: container.now,
});

describe('the demo month of measured events', () => {
  it('is refused on a deployed stage, before anything is written', async () => {
    await expect(seedDemoMeasurements(deps('dev'), FIXED_TODAY, DEMO_BRANCHES)).rejects.toThrow(
      /refuses to run on STAGE=dev/,
    );
    await expect(seedDemoMeasurements(deps('prod'), FIXED_TODAY, DEMO_BRANCHES)).rejects.toThrow(
      /STAGE=prod/,
    );
    const demo = (
      await measurementEventsBetween(container.measurements, FIXED_NOW - 31 * 86_400_000, FIXED_NOW)
    ).filter((e) => e.caseId.startsWith('demo_'));
    expect(demo).toEqual([]);
  });

  it('fills the dashboard: attainment per journey and branch, a trend by day, and ratings', async () => {
    const first = await seedDemoMeasurements(deps('local'), FIXED_TODAY, DEMO_BRANCHES);
    expect(first.accepted).toBeGreaterThan(1000);
    expect(first.repeated).toBe(0);
    expect(first.timings).toBeGreaterThan(1000);

    const report = await getStandardsAttainment(
      container,
      { sub: 'demo-staff-sh', role: 'staff', branchPath: 'HQ/SH' },
      parseWindow({}, FIXED_NOW),
    );
    const measured = report.standards.filter((s) => s.cases > 0);
    // Every journey the demo covers: the call centre, claims, benefits, new business, the assistant,
    // product search and handoffs.
    expect(new Set(measured.map((s) => s.journey))).toEqual(
      new Set(['consultation', 'information', 'claim', 'maturity_benefit', 'application']),
    );
    expect(measured.length).toBeGreaterThanOrEqual(9);
    // Some short of their target, as a real month is.
    expect(measured.some((s) => s.attained === false)).toBe(true);
    expect(measured.every((s) => s.rate !== null && s.rate > 0.5)).toBe(true);
    // Only 上海's 营销服务部, by name, with their own service levels; one bar per branch.
    const hotline = report.cells.filter((c) => c.standardId === 'hotline_call_answered');
    expect(new Set(hotline.map((c) => c.branchName))).toEqual(new Set(['张江营销服务部', '莘庄营销服务部']));
    // The default window is the 30 days up to today: the 29 demo days in it, each with calls.
    expect(new Set(hotline.map((c) => c.period)).size).toBe(29);
    expect(new Set(report.ratings.map((r) => r.journeyLabel))).toEqual(new Set(['保全变更', '咨询', '理赔']));
    expect(report.ratings.every((r) => r.average >= 1 && r.average <= 5)).toBe(true);

    // A second seed (a restart) writes nothing new: the route counts every event as a repeat.
    const again = await seedDemoMeasurements(deps('local'), FIXED_TODAY, DEMO_BRANCHES);
    expect(again).toEqual({ accepted: 0, repeated: first.accepted, timings: first.timings });
    // A month of events written twice: minutes on a loaded machine.
  }, 180_000);
});
