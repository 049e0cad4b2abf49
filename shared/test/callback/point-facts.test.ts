import { describe, expect, it } from 'vitest';
import { callbackPointFacts } from '../../src/callback/point-facts';
import { CALLBACK_POINTS } from '../../src/callback/schemas';
import type { PolicyDetail } from '../../src/policy/schemas';

const policy: PolicyDetail = {
  policyNo: '8831010000004',
  productCode: 'XXRS',
  productName: '鑫享人生终身寿险',
  productKind: 'whole_life',
  status: 'in_force',
  holderName: '张伟',
  insuredName: '张小雨',
  viewerRole: 'holder',
  sumAssuredCents: 50_000_000,
  premiumCents: 1_234_500,
  premiumFrequency: 'annual',
  nextDueDate: '2027-11-20',
  coolingOffEndDate: '2026-12-05',
  inCoolingOff: true,
  effectiveDate: '2026-11-20',
  receiptDate: '2026-11-20',
  holder: { customerId: 'C001', name: '张伟', idNumberMasked: '1101**********002X' },
  insured: { customerId: 'C009', name: '张小雨', idNumberMasked: '1101**********0021' },
  beneficiaries: [],
  nextDueAmountCents: 1_234_500,
  renewalAccount: null,
  cashValueCents: 98_765,
  accumulatedDividendsCents: null,
  dividendOption: null,
  loan: null,
  loanQuota: { quotaCents: 0, unavailableReason: '该产品不支持保单贷款' },
  branchName: '上海分公司',
  agentName: '李娜',
};

describe('callbackPointFacts', () => {
  const facts = callbackPointFacts(policy);

  it('shows the policy’s own figures beside the points that need them', () => {
    expect(facts.identity).toBe('投保人：张伟；被保险人：张小雨');
    expect(facts.coverageAndExclusions).toContain('¥500,000.00');
    expect(facts.surrenderLoss).toContain('¥987.65');
    expect(facts.surrenderLoss).toContain('¥12,345.00');
    expect(facts.coolingOffRights).toContain('2026年12月05日');
    expect(facts.coolingOffRights).toContain('¥10.00');
    expect(facts.paymentPeriod).toBe('保费 ¥12,345.00（年交），下次应缴日 2027年11月20日');
    expect(Object.keys(facts).sort()).toEqual([...CALLBACK_POINTS].sort());
  });

  it('describes a single premium without a next due date', () => {
    expect(
      callbackPointFacts({ ...policy, premiumFrequency: 'single', nextDueDate: null }).paymentPeriod,
    ).toBe('趸交保费 ¥12,345.00');
  });
});
