import type { CatalogueProductRecord, ProductCategory } from '@zhixiang/shared/product/catalogue';
import { PRODUCT_CATEGORIES } from '@zhixiang/shared/product/catalogue';
import { DEMO_CATALOGUE } from '../../functions/src/seed/demo-catalogue';

/**
 * The demo catalogue padded with made-up products to `size`, the same every run (a seeded
 * generator), built from the same auspicious characters real names use so they compete with the
 * demo products for the same queries.
 */
const STEM_CHARS = Array.from('安康福鑫金瑞祥泰宁乐悦享佑盈丰禧颐尊臻护宝盛和顺怡欣嘉荣华裕恒稳智赢家满');
const SUFFIX: Record<ProductCategory, string> = {
  寿险: '终身寿险',
  年金: '年金保险',
  重疾: '重大疾病保险',
  医疗: '医疗保险',
  意外: '意外伤害保险',
  分红: '两全保险(分红型)',
  万能: '终身寿险(万能型)',
  少儿: '少儿重大疾病保险',
  养老: '养老年金保险',
};

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchmarkCatalogue(size: number): CatalogueProductRecord[] {
  const products = [...DEMO_CATALOGUE];
  const taken = new Set(products.map((p) => p.shortName));
  const next = random(20261125);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  let n = 1;
  while (products.length < size) {
    const shortName = Array.from({ length: next() < 0.5 ? 2 : 3 }, () => pick(STEM_CHARS)).join('');
    if (taken.has(shortName)) continue;
    taken.add(shortName);
    const category = pick(PRODUCT_CATEGORIES);
    products.push({
      productCode: `XB${String(n++).padStart(4, '0')}`,
      name: `${shortName}${SUFFIX[category]}`,
      shortName,
      category,
      tags: [],
      minAge: 0,
      maxAge: 60,
      paymentTerms: ['10年交'],
      highlights: [],
      brochureKey: null,
      onSale: true,
      hotness: Math.round(next() * 400),
    });
  }
  return products;
}
