import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { centsToInputText, parsePercentToBasisPoints, parseYuanToCents } from '../src/lib/money-text';
import { AmountInput } from '../src/packages/endorsements/components/amount-input';

describe('amount in yuan → cents', () => {
  it.each([
    ['', null],
    ['12345.67', 1234567],
    ['12,345.67', 1234567],
    ['¥ 1000', 100000],
    ['0.1', 10],
    ['0.29', 29],
    ['1.005', '金额最多保留两位小数'],
    ['.5', 50],
    ['5.', 500],
    ['007.10', 710],
    ['12a', '请输入数字金额，例如 12345.67'],
    ['.', '请输入数字金额，例如 12345.67'],
    ['-5', '请输入数字金额，例如 12345.67'],
    ['1234567890123', '金额过大，请核对'],
  ])('reads %j as %j', (text, expected) => {
    const parsed = parseYuanToCents(text);
    if (expected === null) expect(parsed).toBeNull();
    else if (typeof expected === 'number') expect(parsed).toEqual({ ok: true, value: expected });
    else expect(parsed).toEqual({ ok: false, message: expected });
  });

  it('is exact where floating point is not (0.29 × 100 = 28.999…)', () => {
    for (let cents = 0; cents < 100_000; cents += 7) {
      expect(parseYuanToCents(centsToInputText(cents))).toEqual({ ok: true, value: cents });
    }
    expect(0.29 * 100).not.toBe(29);
  });

  it('reads percentages as basis points', () => {
    expect(parsePercentToBasisPoints('33.33')).toEqual({ ok: true, value: 3333 });
    expect(parsePercentToBasisPoints('50%')).toEqual({ ok: true, value: 5000 });
    expect(parsePercentToBasisPoints('33.333')).toEqual({ ok: false, message: '比例最多保留两位小数' });
  });
});

describe('AmountInput', () => {
  it('echoes the amount it read, formatted', () => {
    const { container } = render(
      <AmountInput label="贷款金额" value={{ text: '12345.6', cents: 1234560 }} onChange={() => {}} />,
    );
    expect(container.textContent).toContain('即 ¥12,345.60');
  });

  it('shows the format problem first, then the rule or server message', () => {
    const { container, rerender } = render(
      <AmountInput
        label="贷款金额"
        value={{ text: '1.234', cents: null }}
        onChange={() => {}}
        error="贷款金额不能超过可贷金额 ¥12,345.67"
      />,
    );
    expect(container.textContent).toContain('金额最多保留两位小数');
    expect(container.textContent).not.toContain('可贷金额');
    rerender(
      <AmountInput
        label="贷款金额"
        value={{ text: '20000', cents: 2000000 }}
        onChange={() => {}}
        error="贷款金额不能超过可贷金额 ¥12,345.67"
      />,
    );
    expect(container.textContent).toContain('贷款金额不能超过可贷金额 ¥12,345.67');
    expect(container.textContent).not.toContain('即 ¥');
  });

  it('offers 全部 only with a positive maximum', () => {
    const { queryByTestId, rerender } = render(
      <AmountInput
        label="领取金额"
        value={{ text: '', cents: null }}
        onChange={() => {}}
        maxCents={865032}
      />,
    );
    expect(queryByTestId('amount-all')).not.toBeNull();
    rerender(
      <AmountInput label="领取金额" value={{ text: '', cents: null }} onChange={() => {}} maxCents={0} />,
    );
    expect(queryByTestId('amount-all')).toBeNull();
  });
});
