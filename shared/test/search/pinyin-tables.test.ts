import { describe, expect, it } from 'vitest';
import { SERVICE_TERM_SPELLINGS } from '../../src/assistant/service-term-spellings';
import { renderServiceTermSpellings, serviceTermSpellings } from '../../src/search/pinyin-tables-source';

/**
 * The generated readings stand in for pinyin-pro in the deployed functions: they must stay what
 * pinyin-pro (with our polyphone fixes) reads. After changing a term list or pinyin-pro, run
 * `npx tsx scripts/generate-pinyin-tables.ts`.
 */
describe('generated pinyin tables', () => {
  it('spell every service term as pinyin-pro does', () => {
    expect(SERVICE_TERM_SPELLINGS).toEqual(serviceTermSpellings());
    expect(SERVICE_TERM_SPELLINGS.刷脸认证).toBe('shualianrenzheng');
    expect(SERVICE_TERM_SPELLINGS.重疾险).toBe('zhongjixian');
  });

  it('are the files the generator writes', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = new URL('../../src/assistant/service-term-spellings.ts', import.meta.url);
    expect(await readFile(file, 'utf8')).toBe(renderServiceTermSpellings());
  });
});
