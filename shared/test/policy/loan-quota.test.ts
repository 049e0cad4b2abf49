import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accruedLoanInterestCents } from '../../src/policy/loan-interest';
import { loanQuotaCents, policyLoanPosition } from '../../src/policy/loan-quota';

describe('loanQuotaCents: loanable ratio × cash value − outstanding principal and interest', () => {
  it('is 80% of the cash value for a policy without a loan (张伟 PL01: ¥68,420.50 → ¥54,736.40)', () => {
    expect(
      loanQuotaCents({
        cashValueCents: 6_842_050,
        loanableRatioBasisPoints: 8000,
        outstandingPrincipalCents: 0,
        accruedInterestCents: 0,
      }),
    ).toBe(5_473_640);
  });

  it('deducts the outstanding principal and the interest accrued so far', () => {
    expect(
      loanQuotaCents({
        cashValueCents: 6_120_000,
        loanableRatioBasisPoints: 8000,
        outstandingPrincipalCents: 2_000_000,
        accruedInterestCents: 32_603,
      }),
    ).toBe(4_896_000 - 2_000_000 - 32_603);
  });

  it('rounds the ratio share down to the cent and never goes below zero', () => {
    expect(
      loanQuotaCents({
        cashValueCents: 1_01,
        loanableRatioBasisPoints: 8000,
        outstandingPrincipalCents: 0,
        accruedInterestCents: 0,
      }),
    ).toBe(80);
    expect(
      loanQuotaCents({
        cashValueCents: 100_000,
        loanableRatioBasisPoints: 8000,
        outstandingPrincipalCents: 90_000,
        accruedInterestCents: 500,
      }),
    ).toBe(0);
  });

  const input = fc.record({
    cashValueCents: fc.integer({ min: 0, max: 10_000_000_000 }),
    loanableRatioBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    outstandingPrincipalCents: fc.integer({ min: 0, max: 10_000_000_000 }),
    accruedInterestCents: fc.integer({ min: 0, max: 1_000_000_000 }),
  });

  it('never lets the total lent exceed the loanable share of the cash value', () => {
    fc.assert(
      fc.property(input, (i) => {
        const quota = loanQuotaCents(i);
        expect(quota).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(quota)).toBe(true);
        if (quota > 0) {
          expect((quota + i.outstandingPrincipalCents + i.accruedInterestCents) * 10_000).toBeLessThanOrEqual(
            i.cashValueCents * i.loanableRatioBasisPoints,
          );
        }
      }),
    );
  });

  it('falls by exactly what is borrowed, until it reaches zero', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000_000 }), (i, more) => {
        const before = loanQuotaCents(i);
        const after = loanQuotaCents({ ...i, outstandingPrincipalCents: i.outstandingPrincipalCents + more });
        expect(after).toBe(Math.max(0, before - more));
      }),
    );
  });

  it('grows with the cash value', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000_000 }), (i, extra) => {
        expect(loanQuotaCents({ ...i, cashValueCents: i.cashValueCents + extra })).toBeGreaterThanOrEqual(
          loanQuotaCents(i),
        );
      }),
    );
  });
});

describe('policyLoanPosition', () => {
  const product = { loanableRatioBasisPoints: 8000 };
  const loan = {
    principalCents: 2_000_000,
    annualRateBasisPoints: 500,
    startDate: '2026-08-01',
    dueDate: '2027-02-01',
  };

  it('applies the rule with the interest accrued to today (李娜 PL02)', () => {
    const position = policyLoanPosition(
      { status: 'in_force', cashValueCents: 6_120_000, loan },
      product,
      '2026-11-25',
    );
    const interest = accruedLoanInterestCents(loan, '2026-11-25');
    expect(position).toMatchObject({
      outstandingPrincipalCents: 2_000_000,
      accruedInterestCents: interest,
      quotaCents: 4_896_000 - 2_000_000 - interest,
      unavailableReason: null,
    });
  });

  it('says why nothing can be borrowed: lapsed, product without loans, no cash value', () => {
    expect(
      policyLoanPosition({ status: 'lapsed', cashValueCents: 1_000_00, loan: null }, product, '2026-11-25'),
    ).toMatchObject({ quotaCents: 0, unavailableReason: '保单当前不是有效状态' });
    expect(
      policyLoanPosition(
        { status: 'in_force', cashValueCents: 1_000_00, loan: null },
        { loanableRatioBasisPoints: 0 },
        '2026-11-25',
      ),
    ).toMatchObject({ quotaCents: 0, unavailableReason: '该产品不支持保单贷款' });
    expect(
      policyLoanPosition({ status: 'in_force', cashValueCents: 0, loan: null }, product, '2026-11-25'),
    ).toMatchObject({ quotaCents: 0, unavailableReason: '保单暂无现金价值' });
  });
});
