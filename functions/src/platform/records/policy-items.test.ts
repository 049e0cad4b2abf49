import { describe, expect, it } from 'vitest';
import { policyItem } from './policies';

/**
 * The policy item as every writer stores it (the repository's put, an endorsement's transaction,
 * the benchmarks' bulk loads) and the holder's and insured's queries read it: the keys of the
 * table and of both indexes, the attributes without the absent ones, and the entity markers.
 */
const policy: Parameters<typeof policyItem>[0] = {
  policyNo: '8811010100001',
  productCode: 'PL01',
  status: 'in_force',
  holderId: 'C001',
  insuredId: 'C003',
  beneficiaries: [
    { name: '张小伟', relation: '子女', order: 1, shareBasisPoints: 10_000, idNumberCipher: 'f1.1.a.b.c' },
  ],
  sumAssuredCents: 50_000_000,
  premiumCents: 1_234_500,
  premiumFrequency: 'annual',
  effectiveDate: '2024-03-01',
  receiptDate: '2024-03-03',
  nextDueDate: '2027-03-01',
  renewalAccount: { bankName: '招商银行', accountNumberCipher: 'f1.1.d.e.f', accountNumberIndex: 'idx' },
  cashValueCents: 6_842_050,
  accumulatedDividendsCents: 120_000,
  dividendOption: 'cash',
  loan: {
    principalCents: 1_000_000,
    annualRateBasisPoints: 500,
    startDate: '2026-12-05',
    dueDate: '2027-06-05',
  },
  branchId: 'B0101',
  branchPath: 'HQ/SH/PD',
  agentId: 'A001',
  callbackDeadlineAt: 1_710_000_000_000,
  version: 7,
};

const keysAndMarkers = {
  pk: 'POLICY#8811010100001',
  sk: 'POLICY',
  gsi1pk: 'CUSTOMER#C001#POLICIES',
  gsi1sk: 'HOLDER#8811010100001',
  gsi2pk: 'CUSTOMER#C003#POLICIES',
  gsi2sk: 'INSURED#8811010100001',
  __edb_e__: 'policy',
  __edb_v__: '1',
};

describe('the policy item', () => {
  it('holds every attribute, the three keys and the entity markers', () => {
    expect(policyItem(policy)).toStrictEqual({ ...policy, ...keysAndMarkers });
  });

  it('leaves out what a paid-up policy without account, loan or agent lacks', () => {
    const {
      nextDueDate: _d,
      renewalAccount: _r,
      loan: _l,
      agentId: _a,
      accumulatedDividendsCents: _c,
      dividendOption: _o,
      callbackDeadlineAt: _x,
      ...rest
    } = policy;
    expect(
      policyItem({
        ...policy,
        nextDueDate: undefined,
        renewalAccount: undefined,
        loan: undefined,
        agentId: undefined,
        accumulatedDividendsCents: undefined,
        dividendOption: undefined,
        callbackDeadlineAt: undefined,
      }),
    ).toStrictEqual({ ...rest, ...keysAndMarkers });
  });
});
