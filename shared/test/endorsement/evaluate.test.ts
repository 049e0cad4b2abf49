import { describe, expect, it } from 'vitest';
import { applyEffect, evaluateEndorsement, maskedChanges } from '../../src/endorsement/evaluate';
import { type EndorsementRules, endorsementRules } from '../../src/endorsement/settings';
import type { CustomerRecord, PolicyRecord, ProductRecord } from '../../src/policy/model';
import { validIdNumber } from './id-numbers';

const TODAY = '2026-11-26';
const person = (customerId: string, name: string, birthDate: string): CustomerRecord => ({
  customerId,
  name,
  idNumber: validIdNumber(birthDate, customerId === 'C1' ? '111' : '222'),
  phone: '13800000001',
  birthDate,
  gender: 'male',
  branchId: 'SH',
  branchPath: 'HQ/SH',
  agentId: 'A1',
});
const holder = person('C1', '张伟', '1978-03-12');
const adultInsured = person('C2', '李娜', '1980-07-21');
const childInsured = person('C2', '张小雨', '2015-05-08');
const product: ProductRecord = {
  productCode: 'PL01',
  name: '鑫享人生终身寿险(分红型)',
  kind: 'participating_life',
  coolingOffDays: 15,
  loanableRatioBasisPoints: 8000,
  loanAnnualRateBasisPoints: 500,
  hasDeathBenefit: true,
  participating: true,
};
const policy: PolicyRecord = {
  policyNo: '8831010000001',
  productCode: 'PL01',
  status: 'in_force',
  holderId: 'C1',
  insuredId: 'C1',
  beneficiaries: [],
  sumAssuredCents: 50_000_000,
  premiumCents: 1_200_000,
  premiumFrequency: 'annual',
  effectiveDate: '2019-06-18',
  receiptDate: '2019-06-20',
  nextDueDate: '2027-06-18',
  renewalAccount: { bankName: '招商银行', accountNumber: '6222000100000123456' },
  cashValueCents: 6_842_050,
  accumulatedDividendsCents: 865_032,
  dividendOption: 'accumulate',
  loan: null,
  branchId: 'SH',
  branchPath: 'HQ/SH',
  agentId: 'A1',
  version: 3,
};
const ctx = { policy, product, holder, insured: holder, today: TODAY, channel: 'self_service' as const };

describe('evaluateEndorsement', () => {
  it('approves a small loan automatically and pays it to the renewal account, masked everywhere', () => {
    const result = evaluateEndorsement({ type: 'policy_loan', amountCents: 1_000_000 }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.reviewReasons).toEqual([]);
    expect(result.value.figures).toMatchObject({
      quotaCents: 5_473_640,
      payeeAccountMasked: '**** **** **** 3456',
    });
    expect(JSON.stringify(maskedChanges(result.value.changes))).not.toContain('6222000100000123456');
    expect(applyEffect(result.value.effect, policy, holder).policy.loan?.principalCents).toBe(1_000_000);
  });

  it('sends a withdrawal above the configured amount to review, per type', () => {
    const rules: EndorsementRules = {
      ...endorsementRules,
      autoApproval: {
        ...endorsementRules.autoApproval,
        dividend_withdrawal: { enabled: true, maxAmountCents: 50_000 },
      },
    };
    const result = evaluateEndorsement(
      { type: 'dividend_withdrawal', amountCents: 60_000 },
      { ...ctx, rules },
    );
    expect(result.ok && result.value.reviewReasons).toEqual(['金额超过 ¥500.00，需人工审核']);
    const disabled: EndorsementRules = {
      ...endorsementRules,
      autoApproval: { ...endorsementRules.autoApproval, dividend_option_change: { enabled: false } },
    };
    const option = evaluateEndorsement(
      { type: 'dividend_option_change', dividendOption: 'cash' },
      { ...ctx, rules: disabled },
    );
    expect(option.ok && option.value.reviewReasons).toEqual(['红利领取方式变更需人工审核']);
  });

  it("asks an adult insured's consent to a beneficiary change, a minor's guardian (the holder) signs alone", () => {
    const request = {
      type: 'beneficiary_change' as const,
      beneficiaries: [
        {
          name: '张伟',
          relation: '配偶' as const,
          order: 1,
          shareBasisPoints: 10_000,
          idNumber: holder.idNumber,
        },
      ],
    };
    const onSpouse = { ...ctx, policy: { ...policy, insuredId: 'C2' }, insured: adultInsured };
    const adult = evaluateEndorsement(request, onSpouse);
    expect(adult.ok && adult.value.insuredConsentRequired).toBe(true);
    const child = evaluateEndorsement(
      { ...request, beneficiaries: [{ ...request.beneficiaries[0]!, relation: '父母' as const }] },
      { ...onSpouse, insured: childInsured },
    );
    expect(child.ok && child.value.insuredConsentRequired).toBe(false);
  });

  it('refuses a payee card of another person, naming the field', () => {
    const result = evaluateEndorsement(
      {
        type: 'policy_loan',
        amountCents: 1_000_000,
        payeeCard: { cardHolderName: '李娜', cardNumber: '6222021000123456781' },
      },
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'payeeCard.cardHolderName',
          message: '银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡',
        },
      ],
    });
  });

  it('refuses a surrender whose acknowledged loss is not the current one', () => {
    const result = evaluateEndorsement({ type: 'surrender', acknowledgedLossCents: 0 }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.field).toBe('acknowledgedLossCents');
  });

  it('surrender ends the policy: status, cash value, loan and dividends', () => {
    const after = applyEffect({ kind: 'surrender', refundCents: 1, payee: null }, policy, holder).policy;
    expect(after).toMatchObject({
      status: 'surrendered',
      cashValueCents: 0,
      loan: null,
      accumulatedDividendsCents: 0,
    });
  });
});
