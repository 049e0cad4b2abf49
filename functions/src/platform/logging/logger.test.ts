import { describe, expect, it } from 'vitest';
import { redactLogValue } from './logger';

const line = (value: unknown) => JSON.stringify(value, redactLogValue);

describe('redactLogValue', () => {
  it('masks personal data by key whatever its shape', () => {
    const out = line({
      idNumber: '11010519491231002X',
      phone: '13800138000',
      bankAccount: '6222 0202 0011 2233 445',
    });
    expect(out).toBe(
      '{"idNumber":"1101**********002X","phone":"138****8000","bankAccount":"**** **** **** 3445"}',
    );
  });

  it('finds ID numbers, phones and card numbers inside free text and nested objects', () => {
    const out = line({
      message: 'lookup 11010519491231002X failed',
      nested: { detail: ['call 13800138000', 'card 6222020200112233445'] },
    });
    expect(out).not.toMatch(/11010519491231002X|13800138000|6222020200112233445/);
    expect(out).toContain('138****8000');
  });

  it('drops secrets and one-time codes but keeps error codes', () => {
    const out = line({
      session_key: 'abc',
      refreshToken: 'r',
      authorization: 'Bearer x',
      token: 'eyJsIjoiTFQyMDI2In0.bWFj',
      path: '/letter-links/eyJsIjoiTFQyMDI2In0.bWFj?token=abc',
      code: '123456',
      wxCode: { code: '0a3Xyzabc' },
      errorCode: 'VALIDATION_FAILED',
      upstream: { code: 'LimitExceeded.PhoneNumberDailyLimit' },
    });
    expect(out).not.toMatch(/"abc"|"r"|Bearer|123456|0a3Xyzabc|eyJ|token=abc/);
    expect(out).toContain('VALIDATION_FAILED');
    expect(out).toContain('LimitExceeded.PhoneNumberDailyLimit');
  });
});
