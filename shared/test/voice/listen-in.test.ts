import { describe, expect, it } from 'vitest';
import { maskListenedText } from '../../src/voice/listen-in';

describe('maskListenedText (人工客服旁听)', () => {
  it('redacts phone and ID numbers and shows the customer’s full name as surname + *', () => {
    const text = '我是张伟，手机13812345678，身份证310115197803120212，张伟的保单';
    const masked = maskListenedText(text, ['张伟']);
    expect(masked).not.toContain('13812345678');
    expect(masked).not.toContain('310115197803120212');
    expect(masked).not.toContain('张伟');
    expect(masked).toContain('我是张*');
    expect(masked).toContain('张*的保单');
  });

  it('masks a three-character name, and leaves a one-character or missing one alone', () => {
    expect(maskListenedText('欧阳娜娜您好', ['欧阳娜娜'])).toBe('欧***您好');
    expect(maskListenedText('张先生您好', ['张', null, undefined, ''])).toBe('张先生您好');
  });
});
