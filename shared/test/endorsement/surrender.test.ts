import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSurrender } from '../../src/endorsement/surrender';
import { addDays } from '../../src/format/dates';

const product = { coolingOffDays: 15 };
const rules = { coolingOffFeeCents: 1000 };
const policy = {
  status: 'in_force' as const,
  receiptDate: '2026-11-20',
  cashValueCents: 150_000,
  loan: null,
};

describe('checkSurrender', () => {
  it('inside cooling-off refunds the premiums paid less the ¥10 fee', () => {
    expect(checkSurrender(policy, product, 1_200_000, '2026-11-26', rules)).toEqual({
      ok: true,
      value: {
        inCoolingOff: true,
        coolingOffEndDate: '2026-12-05',
        premiumsPaidCents: 1_200_000,
        feeCents: 1000,
        cashValueCents: 150_000,
        loanDeductionCents: 0,
        refundCents: 1_199_000,
        lossCents: 1000,
        lossLabel: '您已交保费 ¥12,000.00，犹豫期内退保，可领取 ¥11,990.00，将损失 ¥10.00。',
      },
    });
  });

  it('after cooling-off refunds the cash value less the outstanding loan, and states the loss plainly', () => {
    const loan = {
      principalCents: 50_000,
      annualRateBasisPoints: 0,
      startDate: '2026-12-10',
      dueDate: '2027-06-10',
    };
    const result = checkSurrender({ ...policy, loan }, product, 1_200_000, '2026-12-20', rules);
    expect(result.ok && result.value).toMatchObject({
      inCoolingOff: false,
      feeCents: 0,
      loanDeductionCents: 50_000,
      refundCents: 100_000,
      lossCents: 1_100_000,
      lossLabel:
        '您已交保费 ¥12,000.00，退保按现金价值计算，可领取 ¥1,000.00（已扣除未还贷款本息 ¥500.00），将损失 ¥11,000.00。',
    });
  });

  it('says there is no loss when the refund reaches the premiums paid', () => {
    const result = checkSurrender(
      { ...policy, cashValueCents: 1_300_000 },
      product,
      1_200_000,
      '2027-06-01',
      rules,
    );
    expect(result.ok && result.value.lossLabel).toBe(
      '您已交保费 ¥12,000.00，退保可领取 ¥13,000.00，没有损失。',
    );
  });

  it('refuses a policy already surrendered or terminated', () => {
    expect(
      checkSurrender({ ...policy, status: 'surrendered' }, product, 1_200_000, '2026-11-26', rules),
    ).toEqual({
      ok: false,
      problems: [{ field: 'policyNo', message: '保单已终止，不能办理退保' }],
    });
  });

  it('is never negative, and inside cooling-off never above the premiums paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.option(fc.integer({ min: 1, max: 10_000_000_000 }), { nil: null }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        (premiumsPaidCents, cashValueCents, principal, daysAfterReceipt, fee) => {
          const today = addDays(policy.receiptDate, daysAfterReceipt);
          const loan =
            principal === null
              ? null
              : {
                  principalCents: principal,
                  annualRateBasisPoints: 500,
                  startDate: policy.receiptDate,
                  dueDate: today,
                };
          const result = checkSurrender(
            { ...policy, cashValueCents, loan },
            product,
            premiumsPaidCents,
            today,
            {
              coolingOffFeeCents: fee,
            },
          );
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const v = result.value;
          expect(v.refundCents).toBeGreaterThanOrEqual(0);
          expect(v.lossCents).toBeGreaterThanOrEqual(0);
          expect(v.refundCents + v.lossCents).toBeGreaterThanOrEqual(premiumsPaidCents);
          if (v.inCoolingOff) {
            expect(v.refundCents).toBeLessThanOrEqual(premiumsPaidCents);
            expect(v.feeCents).toBeLessThanOrEqual(1000);
            if (!loan) expect(v.refundCents).toBeGreaterThanOrEqual(premiumsPaidCents - 1000);
          }
        },
      ),
    );
  });
});
