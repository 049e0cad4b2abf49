import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDateCn,
  formatShanghaiDateTime,
  formatShanghaiMonthDayTime,
  todayInShanghai,
} from '../src/format/dates';
import { formatYuan } from '../src/format/money';
import { maskBankAccount, maskIdNumber, maskPhone, redactText } from '../src/privacy/mask';

describe('masking', () => {
  it('keeps only the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
  it('hides at least half of a shorter document number (passport, permit)', () => {
    expect(maskIdNumber('E1234567')).toBe('E1****67');
    expect(maskIdNumber('H12345678')).toBe('H1*****78');
    expect(maskIdNumber('12345')).toBe('*****');
  });
  it('masks the middle four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('shows only the last four digits of a bank account', () => {
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('**** **** **** 0123');
  });
  it('redacts ID numbers and phones inside free text', () => {
    const text = 'bind 11010519491231002X with 13812345678 ok';
    expect(redactText(text)).toBe('bind 1101**********002X with 138****5678 ok');
  });
  it('redacts bearer tokens in paths and query strings (letter links, the live chat socket)', () => {
    const letterToken =
      'eyJsIjoiTFQyMDI2MTEyNUFCQ0RFRjEyIiwiZSI6MTc5MDAwMDAwMDAwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redactText(`GET /letter-links/${letterToken} 200`)).toBe('GET /letter-links/[redacted] 200');
    expect(redactText('GET /letter-links/not-even-a-token?x=1')).toBe('GET /letter-links/[redacted]?x=1');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln';
    expect(redactText(`wss://api.example.cn/live-chat?token=${jwt}&v=1`)).toBe(
      'wss://api.example.cn/live-chat?token=[redacted]&v=1',
    );
    expect(redactText(`/open/index?access_token=abc123&sig=def`)).toBe(
      '/open/index?access_token=[redacted]&sig=[redacted]',
    );
    expect(redactText(`failed for ${jwt}`)).toBe('failed for [redacted-token]');
  });
});

describe('formatYuan', () => {
  it('formats cents with thousands separators', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-100000)).toBe('-¥1,000.00');
  });
  it('round-trips any integer amount of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        const back = Number(formatYuan(cents).replace(/[¥,.]/g, ''));
        expect(back).toBe(cents);
      }),
    );
  });
});

describe('dates', () => {
  it('formats ISO dates the Chinese way', () => {
    expect(formatDateCn('2026-11-25')).toBe('2026年11月25日');
  });
  it('computes today in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
  });
  it('formats Shanghai times by hand', () => {
    expect(formatShanghaiDateTime('2026-11-25T17:05:09Z')).toBe('2026-11-26 01:05');
    expect(formatShanghaiMonthDayTime('2026-11-25T17:05:09Z')).toBe('11/26 01:05');
  });
  it('agrees with Intl on the Shanghai wall clock for any instant', () => {
    // Node has full Intl; WeChat may not, which is why the formatting is done by hand.
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1992-01-01Z'), max: new Date('2099-12-31Z'), noInvalidDate: true }),
        (at) => {
          const parts = Object.fromEntries(intl.formatToParts(at).map((p) => [p.type, p.value]));
          expect(formatShanghaiDateTime(at)).toBe(
            `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`,
          );
        },
      ),
    );
  });
});
