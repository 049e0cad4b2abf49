import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/format/dates';
import {
  ageOn,
  type BenefitPolicyFacts,
  maturityAnniversary,
  nextPolicyAnniversary,
  nextScheduledBenefit,
  policyAnniversary,
} from '../../src/policy/benefits';
import { POLICY_STATUSES } from '../../src/policy/schemas';
import { type BenefitSchedule, benefitScheduleSchema } from '../../src/product/benefit-schedule';

/** The scheduled benefits (生存金 / 满期金) a product's rule gives a policy. */
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const schedule: fc.Arbitrary<BenefitSchedule> = fc
  .record(
    {
      survival: fc.oneof(
        fc.record({
          percentBasisPoints: fc.integer({ min: 1, max: 20_000 }),
          everyYears: fc.integer({ min: 1, max: 5 }),
          fromAnniversary: fc.integer({ min: 1, max: 20 }),
        }),
        fc.record({
          percentBasisPoints: fc.integer({ min: 1, max: 20_000 }),
          everyYears: fc.integer({ min: 1, max: 5 }),
          fromAge: fc.integer({ min: 0, max: 80 }),
        }),
      ),
      maturity: fc.oneof(
        fc.record({
          percentBasisPoints: fc.integer({ min: 1, max: 20_000 }),
          termYears: fc.integer({ min: 1, max: 40 }),
        }),
        fc.record({
          percentBasisPoints: fc.integer({ min: 1, max: 20_000 }),
          atAge: fc.integer({ min: 1, max: 105 }),
        }),
      ),
    },
    { requiredKeys: [] },
  )
  .filter((s) => s.survival !== undefined || s.maturity !== undefined);

const policy: fc.Arbitrary<BenefitPolicyFacts> = fc.record({
  status: fc.constant('in_force' as const),
  effectiveDate: isoDate('2000-01-01', '2026-12-31'),
  sumAssuredCents: fc.integer({ min: 1, max: 100_000_000_00 }),
  insuredBirthDate: isoDate('1940-01-01', '2020-12-31'),
});
const today = isoDate('2020-01-01', '2035-12-31');

describe('the benefit schedule', () => {
  it('is validated: one start for survival, one end for maturity, at least one of them', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        expect(benefitScheduleSchema().safeParse(s).success).toBe(true);
      }),
    );
    expect(benefitScheduleSchema().safeParse({}).success).toBe(false);
    expect(
      benefitScheduleSchema().safeParse({ survival: { percentBasisPoints: 500, everyYears: 1 } }).success,
    ).toBe(false);
    expect(
      benefitScheduleSchema().safeParse({
        maturity: { percentBasisPoints: 10_000, termYears: 10, atAge: 60 },
      }).success,
    ).toBe(false);
    expect(
      benefitScheduleSchema().safeParse({ maturity: { percentBasisPoints: 0.5, termYears: 10 } }).success,
    ).toBe(false);
  });
});

describe('the next scheduled benefit', () => {
  it('is on or after today, on an anniversary, never after the maturity, in whole cents', () => {
    fc.assert(
      fc.property(schedule, policy, today, (s, p, day) => {
        const next = nextScheduledBenefit(s, p, day);
        if (next === null) return;
        expect(next.date >= day).toBe(true);
        expect(Number.isInteger(next.amountCents) && next.amountCents >= 0).toBe(true);
        const end = maturityAnniversary(s, p);
        if (end !== null) expect(next.date <= policyAnniversary(p.effectiveDate, end)).toBe(true);
        if (next.kind === 'maturity') expect(next.date).toBe(policyAnniversary(p.effectiveDate, end ?? -1));
        const rule = next.kind === 'survival' ? s.survival : s.maturity;
        expect(next.amountCents).toBe(
          Math.floor((p.sumAssuredCents * (rule?.percentBasisPoints ?? 0)) / 10_000),
        );
      }),
    );
  });

  it('is the earliest: nothing is scheduled between today and it', () => {
    fc.assert(
      fc.property(schedule, policy, today, fc.integer({ min: 1, max: 400 }), (s, p, day, ahead) => {
        const next = nextScheduledBenefit(s, p, day);
        const later = addDays(day, ahead);
        const fromLater = nextScheduledBenefit(s, p, later);
        if (next === null) expect(fromLater).toBeNull();
        else if (next.date >= later) expect(fromLater).toEqual(next);
      }),
    );
  });

  it('is none for a policy not in force or a product without a schedule', () => {
    fc.assert(
      fc.property(
        schedule,
        policy,
        today,
        fc.constantFrom(...POLICY_STATUSES.filter((s) => s !== 'in_force')),
        (s, p, day, status) => {
          expect(nextScheduledBenefit(s, { ...p, status }, day)).toBeNull();
          expect(nextScheduledBenefit(null, p, day)).toBeNull();
          expect(nextScheduledBenefit(undefined, p, day)).toBeNull();
        },
      ),
    );
  });

  it('pays a yearly pension from the first anniversary at 60, and the maturity at 85', () => {
    const pension: BenefitSchedule = {
      survival: { percentBasisPoints: 1000, everyYears: 1, fromAge: 60 },
      maturity: { percentBasisPoints: 10_000, atAge: 85 },
    };
    const wang = {
      status: 'in_force' as const,
      effectiveDate: '2020-12-07',
      sumAssuredCents: 300_000_00,
      insuredBirthDate: '1965-11-02',
    };
    expect(nextScheduledBenefit(pension, wang, '2026-11-25')).toEqual({
      date: '2026-12-07',
      kind: 'survival',
      amountCents: 30_000_00,
    });
    expect(nextScheduledBenefit(pension, wang, '2020-12-08')).toEqual({
      date: '2025-12-07',
      kind: 'survival',
      amountCents: 30_000_00,
    });
    expect(nextScheduledBenefit(pension, wang, '2050-06-01')).toEqual({
      date: '2050-12-07',
      kind: 'maturity',
      amountCents: 300_000_00,
    });
    expect(nextScheduledBenefit(pension, wang, '2050-12-08')).toBeNull();
  });

  it('keeps a 02-29 anniversary on 02-28 in common years and on 02-29 in leap years', () => {
    const every: BenefitSchedule = {
      survival: { percentBasisPoints: 500, everyYears: 1, fromAnniversary: 1 },
    };
    const leap = {
      status: 'in_force' as const,
      effectiveDate: '2024-02-29',
      sumAssuredCents: 100_001,
      insuredBirthDate: '1990-01-01',
    };
    expect(nextScheduledBenefit(every, leap, '2025-01-01')?.date).toBe('2025-02-28');
    expect(nextScheduledBenefit(every, leap, '2025-03-01')?.date).toBe('2026-02-28');
    expect(nextScheduledBenefit(every, leap, '2028-02-29')).toEqual({
      date: '2028-02-29',
      kind: 'survival',
      amountCents: 5_000,
    });
    expect(ageOn('2000-02-29', '2018-02-27')).toBe(17);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(18);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });
});

describe('the next policy anniversary', () => {
  it('is the first anniversary on or after today, and no benefit comes before it', () => {
    fc.assert(
      fc.property(schedule, policy, today, (s, p, day) => {
        const next = nextPolicyAnniversary(p.effectiveDate, day);
        expect(next >= day).toBe(true);
        expect(next > p.effectiveDate).toBe(true);
        const k = Number(next.slice(0, 4)) - Number(p.effectiveDate.slice(0, 4));
        expect(next).toBe(policyAnniversary(p.effectiveDate, k));
        if (k > 1) expect(policyAnniversary(p.effectiveDate, k - 1) < day).toBe(true);
        const benefit = nextScheduledBenefit(s, p, day);
        if (benefit) expect(benefit.date >= next).toBe(true);
      }),
    );
  });
});
