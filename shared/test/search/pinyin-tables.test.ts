import { describe, expect, it } from 'vitest';
import { SERVICE_TERM_SPELLINGS } from '../../src/assistant/service-term-spellings';
import { syllableOf } from '../../src/search/pinyin';
import { charReadings, serviceTermSpellings, synonymSpellings } from '../../src/search/pinyin-tables-source';
import { MAIN_BLOCK_READINGS, OTHER_READINGS, SYLLABLES, SYNONYM_SPELLINGS } from '../../src/search/readings';
import { readingOf } from '../../src/search/syllables';

/**
 * The generated readings stand in for pinyin-pro in the deployed functions: they must stay what
 * pinyin-pro (with our polyphone fixes) reads. After changing a term list or pinyin-pro, run
 * `npx tsx scripts/generate-pinyin-tables.ts`.
 */
describe('generated pinyin tables', () => {
  it('spell every service term and every synonym as pinyin-pro does', () => {
    expect(SERVICE_TERM_SPELLINGS).toEqual(serviceTermSpellings());
    expect(SERVICE_TERM_SPELLINGS.刷脸认证).toBe('shualianrenzheng');
    expect(SYNONYM_SPELLINGS).toEqual(synonymSpellings());
    expect(SYNONYM_SPELLINGS.重疾).toBe('zhongji');
    expect(SYNONYM_SPELLINGS.长者).toBe('zhangzhe');
  });

  it("hold every Han character's reading as pinyin-pro gives it, and read each as pinyin-pro does", () => {
    const generated = charReadings();
    expect(SYLLABLES).toBe(generated.syllables.join(' '));
    expect(MAIN_BLOCK_READINGS).toBe(generated.mainBlock);
    expect(OTHER_READINGS).toEqual(generated.others);
    const HAN = /\p{Script=Han}/u;
    const differing: string[] = [];
    for (let codePoint = 0; codePoint <= 0x3ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (HAN.test(char) && readingOf(char) !== syllableOf(char)) differing.push(char);
    }
    expect(differing).toEqual([]);
    expect(['重', '长', '行', '〇', '女'].map(readingOf)).toEqual(['zhong', 'chang', 'xing', 'ling', 'nv']);
  });
});
