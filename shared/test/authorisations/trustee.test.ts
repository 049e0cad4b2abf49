import { describe, expect, it } from 'vitest';
import { maskedName, toTrusteeView } from '../../src/authorisations/trustee';
import {
  assertAuthorisedPayee,
  assertTrusteeMayAct,
  TRUSTEE_AUTHORISATION_NOT_FOUND,
  trusteeActNote,
  trusteeSubject,
} from '../../src/authorisations/trustee-rules';
import type { AuthorisationRecord } from '../../src/ports/authorisations';

const record = (overrides: Partial<AuthorisationRecord> = {}): AuthorisationRecord => ({
  authorisationId: 'SQ20261201A0000001',
  customerId: 'C001',
  userId: 'u-owner',
  status: 'approved',
  poa: {
    policyNos: ['8831010000001'],
    matters: ['surrender'],
    trustee: {
      name: '李娜',
      idType: 'id_card',
      idNumber: '110105198503030022',
      relation: '配偶',
      phone: '13912345678',
    },
    refundAccount: { cardHolderName: '张伟', accountNumber: '6222021000876543217', bankName: '中国工商银行' },
    validUntil: '2026-12-31',
    document: { type: 'passport', number: 'E12345678', expiresOn: '2030-06-30' },
  },
  reviewBranchPath: 'HQ/SH',
  consent: null,
  documentPhoto: null,
  videoUpload: null,
  recording: null,
  rejectionReason: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  submittedAt: null,
  decidedAt: null,
  trustee: { userId: 'u-trustee', boundAt: '2026-12-02T00:00:00.000Z' },
  version: 3,
  ...overrides,
});

const act = { userId: 'u-trustee', policyNo: '8831010000001', matter: 'surrender', today: '2026-12-10' };
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return {
      code: (error as { code: string }).code,
      message: (error as Error & { userMessage: string }).userMessage,
    };
  }
  return null;
};

describe('a trustee acting on an authorisation', () => {
  it('may act on an authorised policy and matter within the validity, its last day included', () => {
    expect(refusal(() => assertTrusteeMayAct(record(), act))).toBeNull();
    expect(refusal(() => assertTrusteeMayAct(record(), { ...act, today: '2026-12-31' }))).toBeNull();
    expect(refusal(() => assertTrusteeMayAct(record(), { ...act, matter: null }))).toBeNull();
  });

  it.each([
    ['unknown', null, act, 'NOT_FOUND', TRUSTEE_AUTHORISATION_NOT_FOUND],
    ['not bound', record({ trustee: null }), act, 'NOT_FOUND', TRUSTEE_AUTHORISATION_NOT_FOUND],
    [
      'bound to another',
      record(),
      { ...act, userId: 'u-other' },
      'NOT_FOUND',
      TRUSTEE_AUTHORISATION_NOT_FOUND,
    ],
    [
      'expired',
      record(),
      { ...act, today: '2027-01-01' },
      'FORBIDDEN',
      '录像授权 SQ20261201A0000001 已于 2026-12-31 到期，受托人不能再代为办理',
    ],
    [
      'revoked',
      record({ status: 'revoked' }),
      act,
      'FORBIDDEN',
      '录像授权 SQ20261201A0000001 已由投保人撤销，受托人不能再代为办理',
    ],
    [
      'submitted',
      record({ status: 'submitted' }),
      act,
      'CONFLICT',
      '录像授权 SQ20261201A0000001 尚未生效，暂不能代为办理',
    ],
    [
      'another policy',
      record(),
      { ...act, policyNo: '8831010000009' },
      'FORBIDDEN',
      '保单 8831010000009 不在录像授权 SQ20261201A0000001 的委托范围内',
    ],
    [
      'another matter',
      record(),
      { ...act, matter: 'policy_loan' },
      'FORBIDDEN',
      '录像授权 SQ20261201A0000001 未委托办理该事项，可办理：退保',
    ],
  ] as const)('is refused when the authorisation is %s', (_case, given, what, code, message) => {
    expect(refusal(() => assertTrusteeMayAct(given, what))).toEqual({ code, message });
  });

  it('pays only into the authorised account, naming it masked', () => {
    expect(
      refusal(() => assertAuthorisedPayee(record(), { accountNumber: '6222021000876543217' })),
    ).toBeNull();
    const other = refusal(() => assertAuthorisedPayee(record(), { accountNumber: '6222021000123456789' }));
    expect(other?.code).toBe('FORBIDDEN');
    expect(other?.message).toMatch(
      /^受托人代办的款项只能转入授权指定的账户（中国工商银行 .*3217），请改用该账户$/,
    );
    expect(other?.message).not.toContain('6222021000876543217');
    expect(refusal(() => assertAuthorisedPayee(record(), null))?.code).toBe('FORBIDDEN');
    const noAccount = record({ poa: { ...record().poa, refundAccount: null } });
    expect(
      refusal(() => assertAuthorisedPayee(noAccount, { accountNumber: '6222021000876543217' }))?.message,
    ).toContain('未指定退费账户');
  });

  it('names the subject, the note, and shows the trustee the grantor by surname only', () => {
    expect(trusteeSubject('u-trustee')).toBe('trustee:u-trustee');
    expect(trusteeActNote('SQ20261201A0000001')).toBe('受托人代办，依据录像授权 SQ20261201A0000001');
    expect(maskedName('张伟')).toBe('张*');
    expect(maskedName('欧阳娜娜')).toBe('欧***');
    const view = toTrusteeView(record(), { name: '张伟' }, '2027-01-01');
    expect(view).toMatchObject({ status: 'expired', statusLabel: '已过期', grantorName: '张*' });
    expect(JSON.stringify(view)).not.toContain('6222021000876543217');
  });
});
