import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { fromItem } from './point-reads';

describe('fromItem', () => {
  it('turns an item as DynamoDB returns it into the same values the document client would', () => {
    const policy = {
      pk: 'POLICY#8831010000001',
      sk: 'POLICY',
      version: 3,
      premiumCents: 1_234_500,
      beneficiaries: [{ name: '张小伟', order: 1, shareBasisPoints: 10_000, idNumberCipher: 'f1.1.a.b.c' }],
      renewalAccount: { bankName: '招商银行', accountNumberCipher: 'f1.1.d.e.f' },
      loan: null,
      participating: true,
    };
    expect(fromItem(marshall(policy))).toEqual(policy);
  });

  it('refuses attribute types these records never hold, instead of guessing', () => {
    expect(() => fromItem({ tags: { SS: ['a'] } })).toThrow('unexpected attribute type SS');
  });
});
