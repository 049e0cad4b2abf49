import { productAnswer, productAspectsAsked } from '@zhixiang/shared/assistant/product-answer';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { describe, expect, it } from 'vitest';

const product: CatalogueProductRecord = {
  productCode: 'CI01',
  name: '金佑福重大疾病保险',
  shortName: '金佑福',
  category: '重疾',
  tags: [],
  minAge: 0,
  maxAge: 55,
  paymentTerms: ['10年交', '20年交'],
  highlights: ['覆盖多种重大疾病，确诊即赔', '轻症豁免后续保费'],
  brochureKey: null,
  onSale: false,
  hotness: 1,
};

describe('productAnswer', () => {
  it('answers the aspects asked, from the product’s own data', () => {
    expect(productAspectsAsked('多大的孩子能买')).toEqual(['age']);
    expect(productAnswer(product, '投保年龄')).toEqual([
      '投保年龄：出生满 28 天至 55 周岁。',
      '具体保障责任以保险合同条款为准。',
    ]);
    expect(productAnswer(product, '交费方式有哪些')[0]).toBe('交费方式：10年交、20年交。');
    expect(productAnswer(product, '保障范围')[0]).toBe(
      '「金佑福重大疾病保险」是一款重疾类产品，主要保障和特点：1. 覆盖多种重大疾病，确诊即赔；2. 轻症豁免后续保费。',
    );
    expect(productAnswer(product, '有说明书吗')[0]).toBe('该产品的说明书暂未上线，可以拨打客服热线索取。');
  });

  it('gives an overview, saying that an off-sale product is off sale, when no aspect is named', () => {
    const overview = productAnswer(product, '这个呢');
    expect(overview).toHaveLength(5);
    expect(overview).toContain('该产品已停售，已投保的保单不受影响。');
  });
});
