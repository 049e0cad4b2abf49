import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../src/format/dates';
import { accruedLoanInterestCents } from '../src/policy/loan-interest';
import type { PolicyRecord } from '../src/policy/model';
import { coolingOffEndDate, isInCoolingOff, toCustomerSummary, toPolicyDetail } from '../src/policy/view';

const policy: PolicyRecord = {
  policyNo: 'P2026000001',
  productCode: 'WL001',
  status: 'in_force',
  holderId: 'C1',
  insuredId: 'C2',
  beneficiaries: [
    { name: '李四', relation: '子女', order: 2, shareBasisPoints: 10000, idNumber: '11010520100101001X' },
    { name: '王五', relation: '配偶', order: 1, shareBasisPoints: 10000, idNumber: '110105198001010016' },
  ],
  sumAssuredCents: 50_000_000,
  premiumCents: 1_200_000,
  premiumFrequency: 'annual',
  effectiveDate: '2026-11-10',
  receiptDate: '2026-11-12',
  nextDueDate: '2027-11-10',
  renewalAccount: { bankName: '中国工商银行', accountNumber: '6222 0212 3456 7890 123' },
  cashValueCents: 300_000,
  accumulatedDividendsCents: 12_345,
  dividendOption: 'accumulate',
  loan: {
    principalCents: 1_000_000,
    annualRateBasisPoints: 500,
    startDate: '2026-01-01',
    dueDate: '2026-07-01',
  },
  branchId: 'SH-PD-01',
  branchPath: 'HQ/SH/SH-PD/SH-PD-01',
  agentId: 'A1',
  version: 3,
};
const ctx = {
  product: {
    productCode: 'WL001',
    name: '鑫享人生终身寿险(分红型)',
    kind: 'participating_life' as const,
    loanableRatioBasisPoints: 8000,
    coolingOffDays: 15,
  },
  holder: { customerId: 'C1', name: '张三', idNumber: '11010519491231002X' },
  insured: { customerId: 'C2', name: '张小三', idNumber: '110105201001010018' },
  branchName: '浦东四级机构',
  agentName: '刘业务',
  viewerCustomerId: 'C2',
  today: '2026-11-25',
};

describe('cooling-off period', () => {
  it('ends the product days after the receipt date', () => {
    expect(coolingOffEndDate('2026-11-12', 15)).toBe('2026-11-27');
    expect(coolingOffEndDate('2024-02-20', 15)).toBe('2024-03-06');
  });

  it('includes its last day and excludes the day after', () => {
    expect(isInCoolingOff(policy, 15, '2026-11-27')).toBe(true);
    expect(isInCoolingOff(policy, 15, '2026-11-28')).toBe(false);
  });

  it('never applies to a product without a cooling-off period, not even on the receipt day', () => {
    expect(isInCoolingOff(policy, 0, policy.receiptDate)).toBe(false);
  });

  it('does not apply to a lapsed policy', () => {
    expect(isInCoolingOff({ ...policy, status: 'lapsed' }, 15, '2026-11-20')).toBe(false);
  });
});

describe('accruedLoanInterestCents', () => {
  it('accrues simple interest by day (10,000 yuan at 5% for 365 days is 500 yuan)', () => {
    expect(
      accruedLoanInterestCents(
        { principalCents: 1_000_000, annualRateBasisPoints: 500, startDate: '2025-01-01' },
        '2026-01-01',
      ),
    ).toBe(50_000);
  });

  it('rounds half up to the cent', () => {
    // 10,000 yuan × 5% / 365 = 136.986… cents for one day.
    expect(
      accruedLoanInterestCents(
        { principalCents: 1_000_000, annualRateBasisPoints: 500, startDate: '2026-01-01' },
        '2026-01-02',
      ),
    ).toBe(137);
  });

  it('is zero on the start day and before it', () => {
    expect(
      accruedLoanInterestCents(
        { principalCents: 1_000_000, annualRateBasisPoints: 500, startDate: '2026-01-01' },
        '2026-01-01',
      ),
    ).toBe(0);
    expect(
      accruedLoanInterestCents(
        { principalCents: 1_000_000, annualRateBasisPoints: 500, startDate: '2026-01-01' },
        '2025-12-01',
      ),
    ).toBe(0);
  });

  it('never decreases as days pass (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 3000 }),
        (principal, rate, days) => {
          const loan = { principalCents: principal, annualRateBasisPoints: rate, startDate: '2020-01-01' };
          const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
          const a = accruedLoanInterestCents(loan, day(days));
          expect(Number.isInteger(a)).toBe(true);
          expect(accruedLoanInterestCents(loan, day(days + 1))).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

describe('toPolicyDetail', () => {
  const detail = toPolicyDetail(policy, ctx);

  it('masks every ID number and the bank account', () => {
    const json = JSON.stringify(detail);
    expect(json).not.toContain('11010519491231002X');
    expect(json).not.toContain('110105201001010018');
    expect(json).not.toContain('110105198001010016');
    expect(json).not.toContain('7890123');
    expect(detail.holder.idNumberMasked).toBe('1101**********002X');
    expect(detail.renewalAccount).toEqual({ bankName: '中国工商银行', accountMasked: '**** **** **** 0123' });
  });

  it('tells the viewer their role and the cooling-off state', () => {
    expect(detail.viewerRole).toBe('insured');
    expect(detail.coolingOffEndDate).toBe('2026-11-27');
    expect(detail.inCoolingOff).toBe(true);
  });

  it('lists beneficiaries by order', () => {
    expect(detail.beneficiaries.map((b) => b.name)).toEqual(['王五', '李四']);
  });

  it('adds the accrued loan interest and the next premium due', () => {
    expect(detail.loan?.accruedInterestCents).toBe(accruedLoanInterestCents(policy.loan!, '2026-11-25'));
    expect(detail.nextDueAmountCents).toBe(1_200_000);
  });

  it('has no viewer role for staff and agents', () => {
    expect(toPolicyDetail(policy, { ...ctx, viewerCustomerId: null }).viewerRole).toBeNull();
  });
});

describe('toCustomerSummary', () => {
  it('masks phone and ID number', () => {
    expect(
      toCustomerSummary(
        { customerId: 'C1', name: '张三', phone: '13812345678', idNumber: '11010519491231002X' },
        2,
      ),
    ).toEqual({
      customerId: 'C1',
      name: '张三',
      phoneMasked: '138****5678',
      idNumberMasked: '1101**********002X',
      policyCount: 2,
    });
  });
});

describe('toPolicyDetail: the next scheduled benefit', () => {
  const schedule = { maturity: { percentBasisPoints: 10_000, termYears: 20 } };
  it('is the product schedule’s next payment when the insured’s birth date is known, absent otherwise', () => {
    const withSchedule = { ...ctx, product: { ...ctx.product, benefitSchedule: schedule } };
    const insured = { ...ctx.insured, birthDate: '2010-01-01' };
    expect(toPolicyDetail(policy, { ...withSchedule, insured }).nextBenefit).toEqual({
      date: addMonths(policy.effectiveDate, 240),
      kind: 'maturity',
      amountCents: policy.sumAssuredCents,
    });
    expect(toPolicyDetail(policy, withSchedule).nextBenefit).toBeUndefined();
    expect(toPolicyDetail(policy, { ...ctx, insured }).nextBenefit).toBeUndefined();
  });
});
