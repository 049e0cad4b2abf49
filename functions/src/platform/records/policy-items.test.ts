import { describe, expect, it } from 'vitest';
import { DynamoDocumentClient } from '../dynamodb/document-client';
import { createPolicyEntity, policyItem } from './policies';

/**
 * An endorsement's transaction writes the policy item by hand (ElectroDB's request building cost
 * ≈ 0.5 ms); ElectroDB's queries (a holder's, an insured's policies, the premiums due on a day)
 * read it back. Held here to be exactly the item ElectroDB would write (no request is sent).
 */
const entity = createPolicyEntity({
  client: new DynamoDocumentClient(),
  table: 'items',
});

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

describe('the policy item an endorsement transaction writes', () => {
  it('is the item ElectroDB writes, with a due date and without (paid up)', () => {
    for (const attributes of [
      policy,
      {
        ...policy,
        nextDueDate: undefined,
        renewalAccount: undefined,
        loan: undefined,
        agentId: undefined,
        accumulatedDividendsCents: undefined,
        dividendOption: undefined,
        callbackDeadlineAt: undefined,
      },
    ])
      expect(policyItem(attributes)).toEqual(entity.put(attributes).params().Item);
  });
});
