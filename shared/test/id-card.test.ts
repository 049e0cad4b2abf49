import { describe, expect, it } from 'vitest';
import {
  checkIdCardReading,
  findIdNumber,
  imageTypeOf,
  isMp4Video,
  parseValidity,
} from '../src/identity/id-card';

describe('ID-card reading rules', () => {
  it.each([
    ['2015.03.12-2035.03.12', { from: '2015-03-12', until: '2035-03-12' }],
    ['20150312-20350312', { from: '2015-03-12', until: '2035-03-12' }],
    ['2015.03.12-长期', { from: '2015-03-12', until: null }],
    ['有效期限 2015.03.12 - 2035.03.12', { from: '2015-03-12', until: '2035-03-12' }],
  ])('parses the validity %s', (text, expected) => {
    expect(parseValidity(text)).toEqual(expected);
  });

  it.each(['2015.13.12-2035.03.12', '2035.03.12-2015.03.12', 'no dates'])('refuses %s', (text) => {
    expect(parseValidity(text)).toBeNull();
  });

  it('finds the 18-character number in noisy OCR text', () => {
    expect(findIdNumber('2EsHEmE 310115197803120021\n')).toBe('310115197803120021');
    expect(findIdNumber('x 11010519491231002x y')).toBe('11010519491231002X');
    expect(findIdNumber('1234')).toBeNull();
  });

  it('tells JPEG, PNG and MP4 by their first bytes', () => {
    expect(imageTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageTypeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(imageTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(isMp4Video(new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]))).toBe(true);
  });

  it('names the failing field and never needs the stored value', () => {
    const checks = checkIdCardReading(
      { name: '李四', idNumber: '11010519491231002X', validity: { from: '2010-01-01', until: '2020-01-01' } },
      '2026-11-25',
      { nameMatches: false, numberMatches: false },
    );
    const failed = checks.filter((c) => c.status === 'failed').map((c) => [c.check, c.message]);
    expect(failed).toEqual([
      ['validity', '证件已于 2020-01-01 过期，请使用有效证件'],
      ['name', '证件姓名与客户资料不一致'],
      ['idNumberMatch', '证件号码与客户资料不一致'],
    ]);
  });
});
