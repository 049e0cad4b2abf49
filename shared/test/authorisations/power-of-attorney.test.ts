import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTHORISED_MATTERS,
  checkPowerOfAttorney,
  type GrantorContext,
  MONEY_MATTERS,
  type PowerOfAttorneyInput,
  PowerOfAttorneyInputSchema,
} from '../../src/authorisations/power-of-attorney';
import { readAloudScript } from '../../src/authorisations/script';
import {
  type AUTHORISATION_STATUSES,
  type AuthorisationEvent,
  nextStatus,
  transition,
} from '../../src/authorisations/status';
import { luhnCheckDigit } from '../../src/endorsement/renewal-account-change';
import { ENDORSEMENT_TYPES } from '../../src/endorsement/types';
import { AppError } from '../../src/errors';
import { idCheckCharacter } from '../../src/identity/id-number';

const TODAY = '2026-12-05';
const CARD = `622202100012345678${luhnCheckDigit('622202100012345678')}`;
const TRUSTEE_ID = `11010519800101001${idCheckCharacter('11010519800101001')}`;
const grantor: GrantorContext = {
  name: '张伟',
  idNumber: null,
  phone: '13800000001',
  ownPolicyNos: ['P001', 'P002'],
  today: TODAY,
};
const input = (overrides: Partial<PowerOfAttorneyInput> = {}): PowerOfAttorneyInput => ({
  policyNos: ['P001'],
  matters: ['surrender'],
  trustee: { name: '李娜', idType: 'id_card', idNumber: TRUSTEE_ID, relation: '配偶', phone: '13900000002' },
  refundAccount: { cardHolderName: '张伟', cardNumber: CARD },
  validUntil: '2027-01-31',
  document: { type: 'passport', number: 'E12345678', expiresOn: '2030-06-30' },
  ...overrides,
});
const problemsOf = (i: PowerOfAttorneyInput, g: GrantorContext = grantor) => {
  const result = checkPowerOfAttorney(i, g);
  return result.ok ? [] : result.problems;
};

describe('the power of attorney', () => {
  it('names matters as the endorsement engine does', () => {
    for (const matter of AUTHORISED_MATTERS) expect(ENDORSEMENT_TYPES).toContain(matter);
  });

  it('accepts a complete power of attorney and names the refund bank', () => {
    const result = checkPowerOfAttorney(input(), grantor);
    expect(result.ok && result.value.refundAccount).toEqual({
      cardHolderName: '张伟',
      accountNumber: CARD,
      bankName: '中国工商银行',
    });
  });

  it('refuses a policy the customer does not hold', () => {
    expect(problemsOf(input({ policyNos: ['P001', 'P999'] }))).toEqual([
      { field: 'policyNos', message: '保单 P999 不是您作为投保人的保单，不能委托办理' },
    ]);
  });

  it('refuses the customer named as their own trustee, by ID number, document number or phone', () => {
    const self = { field: 'trustee', message: '受托人不能是您本人，请填写您委托的另一位人士' };
    expect(problemsOf(input(), { ...grantor, idNumber: TRUSTEE_ID })).toContainEqual(self);
    expect(
      problemsOf(input({ trustee: { ...input().trustee, idType: 'passport', idNumber: 'E12345678' } })),
    ).toContainEqual(self);
    expect(problemsOf(input({ trustee: { ...input().trustee, phone: '13800000001' } }))).toContainEqual(self);
  });

  it('requires a refund account exactly when a matter moves money, in the customer own name', () => {
    for (const matter of MONEY_MATTERS)
      expect(problemsOf(input({ matters: [matter], refundAccount: undefined }))).toEqual([
        {
          field: 'refundAccount',
          message: '委托事项包含退保、保单贷款或红利领取，请填写您本人的退费银行账户',
        },
      ]);
    expect(problemsOf(input({ matters: ['contact_change'] }))).toEqual([
      { field: 'refundAccount', message: '所选委托事项不涉及退费，无需填写退费账户' },
    ]);
    expect(problemsOf(input({ matters: ['contact_change'], refundAccount: undefined }))).toEqual([]);
    expect(problemsOf(input({ refundAccount: { cardHolderName: '李娜', cardNumber: CARD } }))[0]?.field).toBe(
      'refundAccount.cardHolderName',
    );
    expect(
      problemsOf(input({ refundAccount: { cardHolderName: '张伟', cardNumber: '6222021000123456780' } })),
    ).toEqual([{ field: 'refundAccount.cardNumber', message: '银行卡号校验未通过，请核对后重新输入' }]);
  });

  it('limits the validity to 90 days from today', () => {
    expect(problemsOf(input({ validUntil: '2027-03-05' }))).toEqual([]);
    expect(problemsOf(input({ validUntil: '2027-03-06' }))).toEqual([
      { field: 'validUntil', message: '委托期限最长 90 天，最晚可至 2027-03-05' },
    ]);
    expect(problemsOf(input({ validUntil: TODAY }))).toEqual([
      { field: 'validUntil', message: '委托期限须晚于今天' },
    ]);
  });

  it('refuses an expired or malformed document of the customer', () => {
    expect(
      problemsOf(input({ document: { type: 'passport', number: 'E12345678', expiresOn: '2026-12-04' } })),
    ).toEqual([{ field: 'document.expiresOn', message: '您的护照已于 2026-12-04 过期，请使用有效证件' }]);
    expect(
      problemsOf(
        input({ document: { type: 'hk_macau_permit', number: 'X1234', expiresOn: '2030-01-01' } }),
      )[0],
    ).toEqual({
      field: 'document.number',
      message: '港澳居民来往内地通行证号码应为 H 或 M 开头加 8 位或 10 位数字',
    });
    expect(
      problemsOf(input({ document: { type: 'taiwan_permit', number: '12345678', expiresOn: '2030-01-01' } })),
    ).toEqual([]);
  });

  it('checks the trustee ID number for its type and the trustee phone', () => {
    expect(
      problemsOf(input({ trustee: { ...input().trustee, idNumber: '110105198001010010' } }))[0]?.field,
    ).toBe('trustee.idNumber');
    expect(problemsOf(input({ trustee: { ...input().trustee, phone: '+85291234567' } }))).toEqual([
      { field: 'trustee.phone', message: '受托人手机号码应为 11 位中国大陆手机号码' },
    ]);
  });

  it('parses with precise Chinese messages', () => {
    const parsed = PowerOfAttorneyInputSchema.safeParse({ ...input(), matters: ['loan_repayment'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('委托事项请从列表中选择');
    const upper = PowerOfAttorneyInputSchema.parse({
      ...input(),
      document: { ...input().document, number: ' e1234567 ' },
    });
    expect(upper.document.number).toBe('E1234567');
  });

  it('collects every problem at once, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.subarray([...AUTHORISED_MATTERS], { minLength: 1 }),
        fc.boolean(),
        fc.integer({ min: -5, max: 120 }),
        (matters, withAccount, days) => {
          const validUntil = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const result = checkPowerOfAttorney(
            input({ matters, refundAccount: withAccount ? input().refundAccount : undefined, validUntil }),
            grantor,
          );
          const money = matters.some((m) => MONEY_MATTERS.includes(m));
          expect(result.ok).toBe(money === withAccount && days >= 1 && days <= 90);
          if (result.ok) expect(result.value.refundAccount !== null).toBe(money);
        },
      ),
    );
  });
});

describe('the read-aloud script', () => {
  const poa = checkPowerOfAttorney(
    input({ matters: ['surrender', 'policy_loan'], policyNos: ['P001', 'P002'] }),
    grantor,
  );
  if (!poa.ok) throw new Error('fixture');

  it('states every field in full for the customer to read', () => {
    expect(readAloudScript(poa.value, grantor, TODAY)).toBe(
      `本人 张伟，护照号码 E12345678，自愿委托 李娜（配偶，居民身份证 ${TRUSTEE_ID}，手机 13900000002）办理保单 P001、P002 的退保、保单贷款，退费请转入本人在中国工商银行的账户 ${CARD}，委托期限至 2027年01月31日，今天是 2026年12月05日。`,
    );
  });

  it('is masked for staff', () => {
    const masked = readAloudScript(poa.value, grantor, TODAY, { masked: true });
    expect(masked).not.toContain(CARD);
    expect(masked).not.toContain(TRUSTEE_ID);
    expect(masked).not.toContain('13900000002');
    expect(masked).toContain('139****0002');
  });

  it('says so when no money moves', () => {
    const noMoney = checkPowerOfAttorney(
      input({ matters: ['contact_change'], refundAccount: undefined }),
      grantor,
    );
    expect(noMoney.ok && readAloudScript(noMoney.value, grantor, TODAY)).toContain(
      '本次委托不涉及退费，委托期限至',
    );
  });
});

describe('the status machine', () => {
  it('goes draft → consented → recorded → submitted → approved → revoked', () => {
    const path: AuthorisationEvent[] = ['consent', 'record', 'submit', 'approve', 'revoke'];
    let status: (typeof AUTHORISATION_STATUSES)[number] = 'draft';
    for (const event of path) status = transition(status, event);
    expect(status).toBe('revoked');
  });

  it('discards a recording when the fields change, and refuses to upload before consent', () => {
    expect(nextStatus('recorded', 'edit')).toBe('consented');
    expect(nextStatus('draft', 'record')).toBeNull();
    expect(() => transition('draft', 'record')).toThrow(AppError);
  });

  it('ends in rejected, revoked or expired, from which nothing moves', () => {
    const events: AuthorisationEvent[] = [
      'edit',
      'consent',
      'record',
      'submit',
      'approve',
      'reject',
      'revoke',
      'expire',
    ];
    for (const end of ['rejected', 'revoked', 'expired'] as const)
      for (const event of events) expect(nextStatus(end, event)).toBeNull();
    expect(nextStatus('submitted', 'edit')).toBeNull();
  });
});
