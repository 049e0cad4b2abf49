import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDueAfter } from '../../src/seed/demo-data';

describe('nextDueAfter', () => {
  it('steps from the effective date by the payment period', () => {
    expect(nextDueAfter('2019-06-18', 'annual', '2026-11-25')).toBe('2027-06-18');
    expect(nextDueAfter('2021-06-30', 'semiannual', '2026-11-25')).toBe('2026-12-30');
    expect(nextDueAfter('2024-04-18', 'monthly', '2026-11-25')).toBe('2026-12-18');
    expect(nextDueAfter('2024-04-18', 'single', '2026-11-25')).toBeNull();
  });

  it('keeps the last day of short months (31 Jan → 28/29 Feb)', () => {
    expect(nextDueAfter('2024-01-31', 'monthly', '2024-02-01')).toBe('2024-02-29');
    expect(nextDueAfter('2024-01-31', 'monthly', '2024-03-01')).toBe('2024-03-31');
  });

  it('is always after today and at most one period after it (property)', () => {
    const day = (n: number) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly' as const),
        (start, gap, frequency) => {
          const effective = day(start);
          const today = day(start + gap);
          const due = nextDueAfter(effective, frequency, today);
          expect(due).not.toBeNull();
          expect(due! > today).toBe(true);
          const months = { annual: 12, semiannual: 6, quarterly: 3, monthly: 1 }[frequency];
          const limit = new Date(`${today}T00:00:00Z`);
          limit.setUTCMonth(limit.getUTCMonth() + months);
          limit.setUTCDate(limit.getUTCDate() + 1);
          expect(due! <= limit.toISOString().slice(0, 10)).toBe(true);
        },
      ),
    );
  });
});
