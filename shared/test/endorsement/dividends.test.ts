import { describe, expect, it } from 'vitest';
import { checkDividendOptionChange, checkDividendWithdrawal } from '../../src/endorsement/dividends';

const policy = {
  status: 'in_force' as const,
  accumulatedDividendsCents: 356_789,
  dividendOption: 'accumulate' as const,
};
const participating = { participating: true };

describe('checkDividendWithdrawal', () => {
  it('withdraws up to the accumulated dividends', () => {
    expect(checkDividendWithdrawal(356_789, policy, participating)).toEqual({
      ok: true,
      value: { amountCents: 356_789, accumulatedBeforeCents: 356_789, accumulatedAfterCents: 0 },
    });
  });

  it('refuses more than accumulated, nothing, fractions, and non-participating policies', () => {
    const message = (amount: number, p = policy, product = participating) => {
      const r = checkDividendWithdrawal(amount, p, product);
      return !r.ok && r.problems[0]?.message;
    };
    expect(message(356_790)).toBe('领取金额不能超过累积红利 ¥3,567.89');
    expect(message(0)).toBe('请输入领取金额（精确到分）');
    expect(message(10.5)).toBe('请输入领取金额（精确到分）');
    expect(message(100, { ...policy, accumulatedDividendsCents: 0 })).toBe('保单暂无可领取的红利');
    expect(message(100, policy, { participating: false })).toBe('该保单不是分红型保单，没有红利');
    expect(message(100, { ...policy, status: 'lapsed' as never })).toBe('保单当前不是有效状态');
  });
});

describe('checkDividendOptionChange', () => {
  it('changes to another of the four options, with labels for before and after', () => {
    expect(checkDividendOptionChange('cash', policy, participating)).toEqual({
      ok: true,
      value: { before: 'accumulate', after: 'cash', beforeLabel: '累积生息', afterLabel: '现金领取' },
    });
  });

  it('refuses the same option and an unknown one', () => {
    expect(checkDividendOptionChange('accumulate', policy, participating)).toEqual({
      ok: false,
      problems: [{ field: 'dividendOption', message: '当前已是“累积生息”，请选择其他方式' }],
    });
    const unknown = checkDividendOptionChange('lottery', policy, participating);
    expect(!unknown.ok && unknown.problems[0]?.message).toBe(
      '请选择红利领取方式：现金领取、累积生息、抵交保费、增额交清',
    );
  });
});
