import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchDocument, searchProducts } from '../../src/search/engine';
import { syllablesOf } from '../../src/search/pinyin';
import { cleanQuery } from '../../src/search/text';

/** A small catalogue with the traps that make ranking matter: homophones, shared words, swaps. */
function product(
  id: string,
  name: string,
  shortName: string,
  category: string,
  hotness: number,
  extra: Partial<SearchDocument> = {},
): SearchDocument {
  return {
    id,
    name,
    shortName,
    category,
    tags: [],
    minAge: 0,
    maxAge: 60,
    paymentTerms: ['10年交'],
    onSale: true,
    hotness,
    ...extra,
  };
}

const CATALOGUE = [
  product('CI01', '金佑福重大疾病保险', '金佑福', '重疾', 950),
  product('CI08', '金有福重大疾病保险', '金有福', '重疾', 100),
  product('CI09', '金福佑重大疾病保险', '金福佑', '重疾', 50),
  product('CI07', '康乐一生终身重大疾病保险', '康乐一生', '重疾', 700),
  product('CI03', '少儿安康重大疾病保险', '少儿安康', '少儿', 560, { minAge: 0, maxAge: 17, tags: ['重疾'] }),
  product('PL01', '鑫享人生终身寿险(分红型)', '鑫享人生', '分红', 980, { paymentTerms: ['趸交', '10年交'] }),
  product('LF01', '欣享人生终身寿险', '欣享人生', '寿险', 200),
  product('AN01', '安享颐年年金保险', '安享颐年', '年金', 900),
  product('AN02', '金色晚年养老年金保险', '金色晚年', '养老', 820, { minAge: 18, tags: ['年金'] }),
  product('MD01', '百万安心医疗保险', '百万安心', '医疗', 930),
  product('MD06', '长者安康医疗保险', '长者安康', '医疗', 300, { minAge: 50, maxAge: 80 }),
  product('OLD1', '福寿绵长终身寿险', '福寿绵长', '寿险', 999, { onSale: false }),
];
const index = buildSearchIndex(CATALOGUE, syllablesOf);
const codes = (q: string, options = {}) => searchProducts(index, q, options).hits.map((h) => h.doc.id);
const first = (q: string, options = {}) => searchProducts(index, q, options).hits[0];

describe('matching', () => {
  it.each([
    ['exact name', '金佑福', 'exact'],
    ['prefix', '金佑', 'prefix'],
    ['part of the name', '佑福', 'word'],
    ['full pinyin', 'jinyoufu', 'pinyin'],
    ['initials', 'jyf', 'initials'],
    ['Chinese mixed with initials', '金yf', 'initials'],
    ['pinyin mixed with Chinese', 'jin佑福', 'pinyin'],
  ])('finds 金佑福 by its %s', (_how, q, tier) => {
    expect(first(q)).toMatchObject({ doc: { id: 'CI01' }, tier });
  });

  it('ranks exact > prefix > word > pinyin > initials > fuzzy', () => {
    const tiers = searchProducts(index, '金佑福', { limit: 20 }).hits.map((h) => h.tier);
    expect(tiers[0]).toBe('exact');
    expect(tiers).toContain('pinyin'); // 金有福, same pinyin
    const rank = ['exact', 'prefix', 'word', 'pinyin', 'initials', 'fuzzy'];
    expect([...tiers].sort((a, b) => rank.indexOf(a) - rank.indexOf(b))).toEqual(tiers);
  });

  it('puts the homophone below the exact product but still finds it', () => {
    expect(codes('金有福').slice(0, 2)).toEqual(['CI08', 'CI01']);
  });

  it('reads polyphones as the product means them (长者 is zhang zhe)', () => {
    expect(codes('zhangzhe')[0]).toBe('MD06');
    expect(codes('zz')).toContain('MD06');
  });

  it.each([
    ['a wrong character', '康乐一声', 'CI07'],
    ['a wrong character of another sound', '鑫享人身', 'PL01'],
    ['swapped characters', '康一乐生', 'CI07'],
    ['a missing letter', 'jinyofu', 'CI01'],
    ['swapped letters', 'anxiangyinain', 'AN01'],
    ['an extra letter', 'baiwananxinn', 'MD01'],
  ])('tolerates %s', (_typo, q, expected) => {
    expect(codes(q).slice(0, 5)).toContain(expected);
  });

  it('turns typo tolerance off for very short queries', () => {
    // One edit away from 金佑 is half the catalogue; two characters must match as typed or by sound.
    expect(searchProducts(index, '金右', { limit: 20 }).hits.every((h) => h.tier !== 'fuzzy')).toBe(true);
    expect(codes('jyx')).toEqual([]);
  });

  it.each([
    ['重疾', '重大疾病', 'CI01'],
    ['养老', '年金', 'AN01'],
    ['儿童', '少儿', 'CI03'],
  ])('treats %s like %s', (q, _synonym, expected) => {
    expect(codes(q, { limit: 20 })).toContain(expected);
  });

  it('finds run-together words (儿童重疾) by their parts', () => {
    expect(codes('儿童重疾')[0]).toBe('CI03');
  });

  it('puts what sells first when the query is vague', () => {
    const hits = searchProducts(index, '重疾', { limit: 5 }).hits;
    expect(hits[0]?.doc.id).toBe('CI01');
    expect(hits.map((h) => h.doc.hotness)).toEqual([...hits.map((h) => h.doc.hotness)].sort((a, b) => b - a));
  });

  it('highlights the matched characters of the name', () => {
    expect(first('jyf')?.highlights).toEqual([{ start: 0, end: 3 }]);
    // Positions count the name as shown, brackets included.
    const hit = searchProducts(index, '分红型').hits.find((h) => h.doc.id === 'PL01');
    expect(hit?.highlights).toEqual([{ start: 9, end: 12 }]);
    expect('鑫享人生终身寿险(分红型)'.slice(9, 12)).toBe('分红型');
  });
});

describe('filters', () => {
  it('filters by category, age and payment term', () => {
    expect(codes('安康', { category: '少儿' })).toEqual(['CI03']);
    expect(codes('安康', { age: 70 })).toEqual(['MD06']);
    expect(codes('人生', { paymentTerm: '趸交' })).toEqual(['PL01']);
  });

  it('filters the hot list too', () => {
    const hot = searchProducts(index, '', { category: '重疾' });
    expect(hot.mode).toBe('hot');
    // A product tagged 重疾 (少儿安康) belongs to the category's list too.
    expect(hot.hits.map((h) => h.doc.id)).toEqual(['CI01', 'CI07', 'CI03', 'CI08', 'CI09']);
  });
});

describe('hot list and bad input', () => {
  it('shows the hot list, best-sellers first, for an empty query', () => {
    const result = searchProducts(index, '', { limit: 3 });
    expect(result).toMatchObject({ mode: 'hot', query: '' });
    expect(result.hits.map((h) => h.doc.id)).toEqual(['PL01', 'CI01', 'MD01']);
    expect(result.hint).toBeUndefined();
  });

  it('shows the hot list with products containing a single typed character first', () => {
    const result = searchProducts(index, '康', { limit: 3 });
    expect(result.mode).toBe('hot');
    expect(result.hint).toContain('再多输入');
    expect(result.hits.map((h) => h.doc.id)).toEqual(['CI07', 'CI03', 'MD06']);
  });

  it('never shows products withdrawn from sale in the hot list, but finds them by name', () => {
    expect(searchProducts(index, '', { limit: 20 }).hits.map((h) => h.doc.id)).not.toContain('OLD1');
    expect(codes('福寿绵长')).toEqual(['OLD1']);
    expect(codes('绵长')).toEqual([]);
  });

  it.each([
    ['emoji only', '😀🎉👍'],
    ['punctuation only', '%%%___***'],
    ['regex specials', '.*+?^$()|[]{}\\'],
  ])('answers %s with the hot list and a hint', (_what, q) => {
    const result = searchProducts(index, q);
    expect(result.mode).toBe('hot');
    expect(result.hint).toContain('没有识别到');
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('answers SQL-looking input with an empty list and a hint', () => {
    const result = searchProducts(index, "' OR 1=1; DROP TABLE products;--");
    expect(result.hits).toEqual([]);
    expect(result.hint).toContain('没有找到');
  });

  it('cuts a 1,000-character query to 32 characters and says so', () => {
    const cleaned = cleanQuery('金佑福'.repeat(334));
    expect(cleaned).toMatchObject({ truncated: true });
    expect(Array.from(cleaned.text)).toHaveLength(32);
    const result = searchProducts(index, '金佑福'.repeat(334));
    expect(result.mode).toBe('search');
    expect(result.hint).toBeDefined();
  });

  it('keeps regex- and SQL-looking characters from ever being patterns', () => {
    expect(codes('金佑福.*')).toEqual(codes('金佑福'));
  });

  it('never throws and never returns more than the limit, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (q, limit) => {
        const result = searchProducts(index, q, { limit });
        return (
          result.hits.length <= limit &&
          result.hits.every((h) => h.highlights.every((r) => r.start < r.end && r.end <= h.doc.name.length))
        );
      }),
      { numRuns: 300 },
    );
  });
});
