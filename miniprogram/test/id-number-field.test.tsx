import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IdNumberField, idNumberHint } from '../src/components/id-number-field';

const TODAY = '2026-11-25';

describe('ID number field', () => {
  it.each([
    ['', null],
    ['1101051949', null],
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    ['1101A5', '身份证号码前 17 位应为数字，最后一位为数字或 X'],
    ['110105X', '身份证号码前 17 位应为数字，最后一位为数字或 X'],
    ['110105194913310021', '身份证号码中的出生日期无效'],
    ['110105203001010011', '身份证号码中的出生日期不在合理范围内'],
    ['110105194912310021', '身份证号码校验位不正确，请核对后重新输入'],
  ])('says %j → %j', (value, message) => {
    expect(idNumberHint(value, TODAY)).toBe(message);
  });

  it('shows the precise message under the field once the number cannot be valid', () => {
    const { container, rerender } = render(
      <IdNumberField value="110105194912310021" onChange={() => {}} today={TODAY} />,
    );
    expect(container.textContent).toContain('身份证号码校验位不正确，请核对后重新输入');
    rerender(<IdNumberField value="11010519491231002X" onChange={() => {}} today={TODAY} />);
    expect(container.textContent).not.toContain('校验位');
  });
});
