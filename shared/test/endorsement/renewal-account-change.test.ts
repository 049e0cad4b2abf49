import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRenewalAccountChange,
  findBankByBin,
  isLuhnValid,
  luhnCheckDigit,
} from '../../src/endorsement/renewal-account-change';
import { supportedBanks } from '../../src/endorsement/settings';

/** A Luhn-valid card number of `length` digits starting with `prefix`. */
function cardNumber(prefix: string, body: string, length = 19): string {
  const payload = `${prefix}${body}`.padEnd(length - 1, '0').slice(0, length - 1);
  return `${payload}${luhnCheckDigit(payload)}`;
}

const icbcCard = cardNumber('622202', '400112345678');
const ctx = { holderName: '张伟', current: { accountNumber: cardNumber('621700', '1') } };

describe('Luhn check', () => {
  it('accepts published test numbers and rejects a changed digit', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('accepts every generated valid number and rejects any single-digit change', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12,18}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, position, delta) => {
          const valid = `${payload}${luhnCheckDigit(payload)}`;
          expect(isLuhnValid(valid)).toBe(true);
          const i = position % valid.length;
          const changed = `${valid.slice(0, i)}${(Number(valid[i]) + delta) % 10}${valid.slice(i + 1)}`;
          expect(isLuhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('findBankByBin', () => {
  it('finds a configured bank by its prefix and nothing for an unknown one', () => {
    expect(findBankByBin(icbcCard)?.code).toBe('ICBC');
    expect(findBankByBin('9999990000000000')).toBeNull();
  });

  it('prefers the longest matching prefix', () => {
    const banks = [
      { code: 'A', name: '甲银行', binPrefixes: ['622202'] },
      { code: 'B', name: '乙银行', binPrefixes: ['62220240'] },
    ];
    expect(findBankByBin('6222024000000000000', banks)?.code).toBe('B');
    expect(findBankByBin('6222021000000000000', banks)?.code).toBe('A');
  });

  it('loads a valid configuration', () => {
    expect(supportedBanks.length).toBeGreaterThan(0);
  });
});

describe('checkRenewalAccountChange', () => {
  it("accepts the holder's own card of a supported bank and shows both accounts masked", () => {
    const spaced = icbcCard.replace(/(\d{4})/g, '$1 ');
    const result = checkRenewalAccountChange({ cardHolderName: ' 张 伟 ', cardNumber: spaced }, ctx);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ bankCode: 'ICBC', bankName: '中国工商银行', accountNumber: icbcCard }),
    });
    expect(result.ok && result.value.accountMasked).not.toContain(icbcCard.slice(6, 12));
    expect(result.ok && result.value.beforeMasked).toMatch(/\*/);
  });

  it('matches minority names whatever middle dot was typed', () => {
    const result = checkRenewalAccountChange(
      { cardHolderName: '买买提•艾力', cardNumber: icbcCard },
      { holderName: '买买提·艾力', current: null },
    );
    expect(result.ok && result.value.beforeMasked).toBeNull();
  });

  it('refuses a card whose holder is not the policyholder', () => {
    expect(checkRenewalAccountChange({ cardHolderName: '王芳', cardNumber: icbcCard }, ctx)).toEqual({
      ok: false,
      problems: [
        { field: 'cardHolderName', message: '银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡' },
      ],
    });
  });

  it('refuses a wrong length, a failed Luhn check, an unsupported bank and the same card', () => {
    const problem = (cardNumberInput: string) => {
      const r = checkRenewalAccountChange({ cardHolderName: '张伟', cardNumber: cardNumberInput }, ctx);
      return !r.ok && r.problems[0]?.message;
    };
    expect(problem('622202123')).toBe('银行卡号应为 16–19 位数字，当前为 9 位');
    const broken = `${icbcCard.slice(0, -1)}${(Number(icbcCard.at(-1)) + 1) % 10}`;
    expect(problem(broken)).toBe('银行卡号校验未通过，请核对后重新输入');
    expect(problem(cardNumber('999999', '1'))).toMatch(
      /^暂不支持该银行卡，请使用以下银行的借记卡：中国工商银行、/,
    );
    expect(problem(ctx.current.accountNumber)).toBe('新银行卡与当前续期缴费账户相同，无需变更');
  });
});
