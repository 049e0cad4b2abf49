import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLoanRepayment } from '../../src/endorsement/loan-repayment';
import { addDays } from '../../src/format/dates';
import { accruedLoanInterestCents } from '../../src/policy/loan-interest';

const loan = {
  principalCents: 2_000_000,
  annualRateBasisPoints: 500,
  startDate: '2026-08-01',
  dueDate: '2027-02-01',
};
const TODAY = '2026-11-26'; // 117 days: ¥20,000 × 5% × 117 / 365 = ¥320.55 (320.547… rounded half up)

describe('checkLoanRepayment', () => {
  it('repays in full: principal plus interest accrued by day, and clears the loan', () => {
    expect(checkLoanRepayment(loan, { kind: 'full' }, TODAY)).toEqual({
      ok: true,
      value: {
        accruedInterestCents: 32_055,
        totalDueCents: 2_032_055,
        paidCents: 2_032_055,
        interestPaidCents: 32_055,
        principalPaidCents: 2_000_000,
        loanAfter: null,
      },
    });
  });

  it('settles interest first then principal on a partial payment; the rest accrues afresh from today', () => {
    const result = checkLoanRepayment(loan, { kind: 'partial', amountCents: 532_055 }, TODAY);
    expect(result.ok && result.value).toMatchObject({
      interestPaidCents: 32_055,
      principalPaidCents: 500_000,
      loanAfter: {
        principalCents: 1_500_000,
        annualRateBasisPoints: 500,
        startDate: TODAY,
        dueDate: '2027-02-01',
      },
    });
  });

  it('refuses a partial payment below the accrued interest, above the balance, or not in whole cents', () => {
    const problem = (amountCents: number) => {
      const r = checkLoanRepayment(loan, { kind: 'partial', amountCents }, TODAY);
      return !r.ok && r.problems[0]?.message;
    };
    expect(problem(32_054)).toBe('部分还款须先结清应计利息，金额不能低于 ¥320.55');
    expect(problem(2_032_056)).toBe('还款金额超过应还总额 ¥20,320.55，请选择全部还款');
    expect(problem(0)).toBe('请输入还款金额（精确到分）');
    expect(problem(100.5)).toBe('请输入还款金额（精确到分）');
  });

  it('refuses when there is no loan or today is before the loan started', () => {
    expect(checkLoanRepayment(null, { kind: 'full' }, TODAY)).toEqual({
      ok: false,
      problems: [{ field: 'policyNo', message: '该保单没有未还清的贷款' }],
    });
    expect(checkLoanRepayment(loan, { kind: 'full' }, '2026-07-31').ok).toBe(false);
  });

  const loans = fc.record({
    principalCents: fc.integer({ min: 1, max: 10_000_000_000 }),
    annualRateBasisPoints: fc.integer({ min: 0, max: 2400 }),
    startDate: fc.constant('2026-01-01'),
    dueDate: fc.constant('2026-07-01'),
  });

  it('never leaves a negative balance and always pays exactly what it says', () => {
    fc.assert(
      fc.property(
        loans,
        fc.integer({ min: 0, max: 2000 }),
        fc.bigInt({ min: 0n, max: 1n << 40n }),
        (l, days, pick) => {
          const today = addDays(l.startDate, days);
          const interest = accruedLoanInterestCents(l, today);
          const total = l.principalCents + interest;
          const amountCents =
            Math.max(1, interest) + Number(pick % BigInt(total - Math.max(1, interest) + 1));
          for (const request of [{ kind: 'full' as const }, { kind: 'partial' as const, amountCents }]) {
            const result = checkLoanRepayment(l, request, today);
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            const v = result.value;
            expect(v.interestPaidCents).toBeGreaterThanOrEqual(0);
            expect(v.principalPaidCents).toBeGreaterThanOrEqual(0);
            expect(v.interestPaidCents + v.principalPaidCents).toBe(v.paidCents);
            expect(v.interestPaidCents).toBeLessThanOrEqual(v.accruedInterestCents);
            expect(v.principalPaidCents).toBeLessThanOrEqual(l.principalCents);
            const left = v.loanAfter?.principalCents ?? 0;
            expect(left).toBeGreaterThanOrEqual(0);
            expect(left + v.principalPaidCents).toBe(l.principalCents);
            if (v.loanAfter) expect(left).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('accrues interest monotonically in days', () => {
    fc.assert(
      fc.property(
        loans,
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 400 }),
        (l, days, more) => {
          const earlier = checkLoanRepayment(l, { kind: 'full' }, addDays(l.startDate, days));
          const later = checkLoanRepayment(l, { kind: 'full' }, addDays(l.startDate, days + more));
          expect(earlier.ok && later.ok).toBe(true);
          if (earlier.ok && later.ok)
            expect(later.value.accruedInterestCents).toBeGreaterThanOrEqual(
              earlier.value.accruedInterestCents,
            );
        },
      ),
    );
  });
});
