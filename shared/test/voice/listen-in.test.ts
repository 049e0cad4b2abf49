import fc from 'fast-check';
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

describe('maskListenedText: every personal datum the chat may carry', () => {
  const people = {
    names: ['张伟', '李建国'],
    addresses: ['上海市浦东新区世纪大道100号'],
    emails: ['zhangwei@example.com'],
  };
  const filler = fc.array(fc.constantFrom('您好', '请问', '我的', '，', '。', '保单', ' ', '是'), {
    maxLength: 4,
  });
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
  const mobile = fc
    .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
    .map(([second, rest]) => `1${second}${rest.join('')}`);
  const idCard = fc
    .tuple(digits(17), fc.constantFrom('0', '7', 'X'))
    .map(([body, check]) => `${body.join('')}${check}`);
  const personal = fc.oneof(
    mobile,
    mobile.map((m) => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`),
    mobile.map((m) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`),
    mobile.map((m) => `+86 ${m}`),
    mobile.map((m) => `+86${m}`),
    idCard,
    idCard.map((id) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`),
    idCard.map((id) => `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}`),
    // Passports (E/G + 8 digits, EA + 7), 港澳通行证 (C + 8), 回乡证 (H/M + 10).
    fc
      .tuple(fc.constantFrom('E', 'G', 'C', 'EA', 'CA'), digits(8))
      .map(([p, d]) => `${p}${d.join('').slice(0, p.length === 2 ? 7 : 8)}`),
    fc.tuple(fc.constantFrom('H', 'M'), digits(10)).map(([p, d]) => `${p}${d.join('')}`),
    // Bank cards of 16–19 digits, whole or in groups of four.
    fc.integer({ min: 16, max: 19 }).chain((n) => digits(n).map((d) => d.join(''))),
    digits(16).map((d) => d.join('').replace(/(\d{4})(?=\d)/g, '$1 ')),
    digits(19).map((d) => d.join('').replace(/(\d{4})(?=\d)/g, '$1 ')),
    fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9._]{1,12}$/),
        fc.constantFrom('qq.com', 'example.com.cn', '163.com'),
      )
      .map(([user, domain]) => `${user}@${domain}`),
    fc
      .tuple(
        fc.constantFrom('北京市海淀区', '广州市天河区', ''),
        fc.constantFrom('中关村大街', '天河路', '南京西路'),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('', '3号楼1201室', '2单元502室'),
      )
      .map(([city, road, no, room]) => `${city}${road}${no}号${room}`),
    fc.constantFrom(...people.names, ...people.addresses, ...people.emails),
  );

  it('leaves no personal datum readable, wherever in the text and whoever wrote it', () => {
    fc.assert(
      fc.property(filler, personal, filler, (before, datum, after) => {
        const masked = maskListenedText(`${before.join('')}${datum}${after.join('')}`, people.names, people);
        expect(masked).not.toContain(datum);
        // Nor its digits alone (a number in groups is not readable by dropping the spaces either).
        const numbers = datum.replace(/[^\d]/g, '');
        if (numbers.length >= 7) expect(masked.replace(/[^\d]/g, '')).not.toContain(numbers);
      }),
    );
  });

  it('masks each kind the way the project shows it elsewhere, and leaves policy numbers, amounts and dates', () => {
    const text =
      '我是张伟，代理人李建国，手机138 1234 5678，身份证 310115 19780312 0212，护照E12345678，' +
      '卡号6222 0212 3456 7890 123，邮箱zhangwei@example.com，住上海市浦东新区世纪大道100号，' +
      '也可寄到北京市海淀区中关村大街27号3号楼1201室。保单8831010000001，2026-12-01 扣款5000元。';
    const masked = maskListenedText(text, people.names, people);
    expect(masked).toContain('我是张*，代理人李**');
    expect(masked).toContain('手机138****5678');
    expect(masked).toContain('身份证 3101**********0212');
    expect(masked).toContain('护照E1*****78');
    expect(masked).toContain('卡号**** **** **** 0123');
    expect(masked).toContain('邮箱z***@example.com');
    expect(masked).toContain('住上海市浦东********');
    expect(masked).not.toContain('中关村大街27号');
    expect(masked).toContain('保单8831010000001，2026-12-01 扣款5000元。');
  });
});
