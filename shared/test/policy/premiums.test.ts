import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/format/dates';
import { MONTHS_PER_PREMIUM_PERIOD, premiumsPaidCents } from '../../src/policy/premiums';

const annual = {
  premiumCents: 1_200_000,
  premiumFrequency: 'annual' as const,
  effectiveDate: '2019-06-18',
  nextDueDate: '2027-06-18',
};

describe('premiumsPaidCents', () => {
  it('counts every due date before the next one (2019…2026: 8 annual premiums)', () => {
    expect(premiumsPaidCents(annual)).toBe(8 * 1_200_000);
  });

  it('is the one premium of a single-premium policy', () => {
    expect(premiumsPaidCents({ ...annual, premiumFrequency: 'single', nextDueDate: null })).toBe(1_200_000);
  });

  it('does not drift for a policy effective on the 31st', () => {
    const monthly = { ...annual, premiumFrequency: 'monthly' as const, effectiveDate: '2026-01-31' };
    expect(premiumsPaidCents({ ...monthly, nextDueDate: '2026-03-31' })).toBe(2 * 1_200_000);
  });

  it('cannot derive the premiums of a regular-premium policy without a next due date', () => {
    expect(premiumsPaidCents({ ...annual, nextDueDate: null })).toBeNull();
  });

  it('pays n premiums when the next due date is the n-th period after the effective date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly' as const),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 27 }),
        (frequency, n, day) => {
          const effectiveDate = `2010-01-${String(day + 1).padStart(2, '0')}`;
          const nextDueDate = addMonths(effectiveDate, n * MONTHS_PER_PREMIUM_PERIOD[frequency]);
          expect(
            premiumsPaidCents({ ...annual, premiumFrequency: frequency, effectiveDate, nextDueDate }),
          ).toBe(n * 1_200_000);
        },
      ),
    );
  });
});
