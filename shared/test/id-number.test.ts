import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckCharacter } from '../src/identity/id-number';

const TODAY = '2026-11-25';

describe('checkIdNumber', () => {
  it('accepts the GB 11643 reference number and reads birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(checkIdNumber(' 11010519491231002x ', TODAY).ok).toBe(true);
  });

  it('names the length when the number is too short', () => {
    expect(checkIdNumber('1101051949123100', TODAY)).toEqual({
      ok: false,
      message: '身份证号码应为 18 位，当前为 16 位',
    });
  });

  it('rejects letters inside the first 17 characters', () => {
    expect(checkIdNumber('1101051949123A002X', TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('前 17 位'),
    });
  });

  it('rejects an impossible birth date (February 30th)', () => {
    const first17 = '11010519490230002';
    expect(checkIdNumber(first17 + idCheckCharacter(first17), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('出生日期无效'),
    });
  });

  it('rejects a birth date in the future', () => {
    const first17 = '11010520301231002';
    expect(checkIdNumber(first17 + idCheckCharacter(first17), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('合理范围'),
    });
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('校验位'),
    });
  });

  it('detects every single-digit typo in the first 17 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '11010519491231002X';
        const digit = (Number(valid[position]) + delta) % 10;
        const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(checkIdNumber(typo, TODAY).ok).toBe(false);
      }),
    );
  });
});
