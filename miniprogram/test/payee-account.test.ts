import type { EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { describe, expect, it } from 'vitest';
import {
  initialPayee,
  payeeBody,
  payeeProblems,
  payeeReady,
} from '../src/packages/endorsements/forms/payee-account';

const card = (payload: string) => `${payload}${luhnCheckDigit(payload)}`;
const options = (renewalAccount: EndorsementOptions['renewalAccount']) =>
  ({ holder: { customerId: 'C004', name: '王芳' }, renewalAccount }) as EndorsementOptions;
const onRecord = { bankName: '中国工商银行', accountMasked: '6222 **** **** 1234' };

describe('payee account of money paid out', () => {
  it('uses the account on record when there is one, and asks for a card when there is none', () => {
    expect(initialPayee(options(onRecord)).useOtherCard).toBe(false);
    expect(payeeBody(initialPayee(options(onRecord)))).toEqual({});
    expect(payeeReady(initialPayee(options(onRecord)), options(onRecord))).toBe(true);
    expect(initialPayee(options(null)).useOtherCard).toBe(true);
    expect(payeeReady(initialPayee(options(null)), options(null))).toBe(false);
  });

  it("checks another card by the renewal-account rule, under the request's payeeCard paths", () => {
    const payee = {
      useOtherCard: true,
      card: { cardHolderName: '李娜', cardNumber: card('622202123456789012') },
    };
    expect(payeeProblems(payee, options(null), false)).toEqual([
      {
        field: 'payeeCard.cardHolderName',
        message: '银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡',
      },
    ]);
    const own = { ...payee, card: { ...payee.card, cardHolderName: '王芳' } };
    expect(payeeReady(own, options(null))).toBe(true);
    expect(payeeBody(own)).toEqual({ payeeCard: own.card });
  });

  it('says nothing about untouched fields until the customer tries to go on', () => {
    const empty = initialPayee(options(null));
    expect(payeeProblems(empty, options(null), false)).toEqual([]);
    expect(payeeProblems(empty, options(null), true).map((p) => p.field)).toEqual([
      'payeeCard.cardHolderName',
      'payeeCard.cardNumber',
    ]);
  });
});
