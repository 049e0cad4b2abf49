import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkPolicyLoan, loanReviewReasons } from '../../src/endorsement/policy-loan';
import { addDays, addMonths } from '../../src/format/dates';
import { accruedLoanInterestCents } from '../../src/policy/loan-interest';
import { loanQuotaCents } from '../../src/policy/loan-quota';

const TODAY = '2026-11-26';
const policy = {
  status: 'in_force' as const,
  cashValueCents: 6_842_050,
  loan: null,
  holderId: 'C001',
  insuredId: 'C001',
};
const product = { loanableRatioBasisPoints: 8000, loanAnnualRateBasisPoints: 500, hasDeathBenefit: true };
const rules = {
  minimumAmountCents: 100_000,
  termMonths: 6,
  reviewAboveCents: 10_000_000,
  selfServiceReviewFromAge: 60,
};
const request = {
  amountCents: 2_000_000,
  channel: 'self_service' as const,
  applicantBirthDate: '1980-05-01',
};

describe('checkPolicyLoan', () => {
  it('accepts an amount within the quota with a 6-month term and the term interest shown', () => {
    const result = checkPolicyLoan(request, policy, product, TODAY, rules);
    expect(result).toEqual({
      ok: true,
      value: {
        amountCents: 2_000_000,
        quotaCents: 5_473_640,
        annualRateBasisPoints: 500,
        startDate: TODAY,
        dueDate: '2027-05-26',
        // ¥20,000 × 5% × 181 days / 365 = ¥495.89
        termInterestPreviewCents: 49_589,
        capitalisedInterestCents: 0,
        loanAfter: {
          principalCents: 2_000_000,
          annualRateBasisPoints: 500,
          startDate: TODAY,
          dueDate: '2027-05-26',
        },
        insuredConsentRequired: false,
        reviewReasons: [],
      },
    });
  });

  it('refuses an amount above the quota, naming the quota', () => {
    expect(checkPolicyLoan({ ...request, amountCents: 5_473_641 }, policy, product, TODAY, rules)).toEqual({
      ok: false,
      problems: [{ field: 'amountCents', message: '贷款金额不能超过可贷金额 ¥54,736.40' }],
    });
  });

  it('refuses an amount below the minimum and a fractional amount', () => {
    const below = checkPolicyLoan({ ...request, amountCents: 99_999 }, policy, product, TODAY, rules);
    expect(!below.ok && below.problems[0]?.message).toBe('贷款金额不能低于 ¥1,000.00');
    const fraction = checkPolicyLoan({ ...request, amountCents: 100_000.5 }, policy, product, TODAY, rules);
    expect(!fraction.ok && fraction.problems[0]?.message).toBe('请输入贷款金额（精确到分）');
  });

  it('refuses when the quota is below the minimum, or the policy cannot be borrowed against', () => {
    const small = checkPolicyLoan(request, { ...policy, cashValueCents: 100_000 }, product, TODAY, rules);
    expect(!small.ok && small.problems[0]?.message).toBe(
      '可贷金额 ¥800.00 低于最低贷款金额 ¥1,000.00，暂不能申请',
    );
    const lapsed = checkPolicyLoan(request, { ...policy, status: 'lapsed' }, product, TODAY, rules);
    expect(!lapsed.ok && lapsed.problems[0]?.message).toBe('保单当前不是有效状态');
    const noLoans = checkPolicyLoan(
      request,
      policy,
      { ...product, loanableRatioBasisPoints: 0 },
      TODAY,
      rules,
    );
    expect(!noLoans.ok && noLoans.problems[0]?.message).toBe('该产品不支持保单贷款');
  });

  it('consolidates with an outstanding loan: its interest is capitalised and one loan starts today', () => {
    const loan = {
      principalCents: 2_000_000,
      annualRateBasisPoints: 500,
      startDate: '2026-08-01',
      dueDate: '2027-02-01',
    };
    const interest = accruedLoanInterestCents(loan, TODAY);
    const result = checkPolicyLoan(
      { ...request, amountCents: 500_000 },
      { ...policy, loan },
      product,
      TODAY,
      rules,
    );
    expect(result.ok && result.value.capitalisedInterestCents).toBe(interest);
    expect(result.ok && result.value.loanAfter).toEqual({
      principalCents: 2_000_000 + interest + 500_000,
      annualRateBasisPoints: 500,
      startDate: TODAY,
      dueDate: '2027-05-26',
    });
  });

  it("needs the insured's consent on a death-benefit policy when the holder is not the insured (Art. 34)", () => {
    const other = { ...policy, insuredId: 'C002' };
    const consent = (p: typeof product) => {
      const r = checkPolicyLoan(request, other, p, TODAY, rules);
      return r.ok && r.value.insuredConsentRequired;
    };
    expect(consent(product)).toBe(true);
    expect(consent({ ...product, hasDeathBenefit: false })).toBe(false);
  });

  it('never lends more than the quota, and the consolidated principal never exceeds ratio × cash value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 9000 }),
        fc.option(fc.integer({ min: 1, max: 10_000_000_000 }), { nil: null }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 20_000_000_000 }),
        (cashValueCents, ratio, principal, daysAgo, amountCents) => {
          const startDate = addDays(TODAY, -daysAgo);
          const loan =
            principal === null
              ? null
              : { principalCents: principal, annualRateBasisPoints: 500, startDate, dueDate: TODAY };
          const p = { ...product, loanableRatioBasisPoints: ratio };
          const result = checkPolicyLoan(
            { ...request, amountCents },
            { ...policy, cashValueCents, loan },
            p,
            TODAY,
            rules,
          );
          const quota = loanQuotaCents({
            cashValueCents,
            loanableRatioBasisPoints: ratio,
            outstandingPrincipalCents: loan?.principalCents ?? 0,
            accruedInterestCents: loan ? accruedLoanInterestCents(loan, TODAY) : 0,
          });
          if (amountCents > quota) expect(result.ok).toBe(false);
          const lendable = ratio > 0 && cashValueCents > 0;
          if (lendable && amountCents >= rules.minimumAmountCents && amountCents <= quota)
            expect(result.ok).toBe(true);
          if (result.ok) {
            expect(result.value.amountCents).toBeLessThanOrEqual(quota);
            expect(BigInt(result.value.loanAfter.principalCents) * 10_000n).toBeLessThanOrEqual(
              BigInt(cashValueCents) * BigInt(ratio),
            );
          }
        },
      ),
    );
  });
});

describe('loanReviewReasons (auto-approval rule)', () => {
  it('sends a loan above ¥100,000 to review, but not one of exactly ¥100,000', () => {
    expect(loanReviewReasons({ ...request, amountCents: 10_000_000 }, TODAY, rules)).toEqual([]);
    expect(loanReviewReasons({ ...request, amountCents: 10_000_001 }, TODAY, rules)).toEqual([
      '贷款金额超过 ¥100,000.00，需人工审核',
    ]);
  });

  it('sends a self-service loan by a customer aged 60 or over to review, not an agent-assisted one', () => {
    const sixty = { ...request, applicantBirthDate: '1966-11-26' };
    expect(loanReviewReasons(sixty, TODAY, rules)).toEqual(['60 周岁以上客户自助申请贷款，需人工审核']);
    expect(loanReviewReasons({ ...sixty, applicantBirthDate: '1966-11-27' }, TODAY, rules)).toEqual([]);
    expect(loanReviewReasons({ ...sixty, channel: 'agent_assisted' }, TODAY, rules)).toEqual([]);
  });
});

describe('ageOn', () => {
  it('counts full years, a 29 February birthday arriving on 1 March in common years', () => {
    expect(ageOn('1964-02-29', '2026-02-28')).toBe(61);
    expect(ageOn('1964-02-29', '2026-03-01')).toBe(62);
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-11-26', 6)).toBe('2027-05-26');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
