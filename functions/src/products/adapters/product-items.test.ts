import { describe, expect, it } from 'vitest';
import { catalogueProductItem } from './catalogue-products';
import { activityUpdate } from './product-activity';

/**
 * The products' items as stored (keys, attributes, entity markers): the
 * seed, the admin import and the assistant share them, so they are held here literally.
 */
const product = {
  productCode: 'CI01',
  name: '金佑福重大疾病保险',
  shortName: '金佑福',
  category: '重疾' as const,
  tags: ['重疾'],
  minAge: 0,
  maxAge: 60,
  paymentTerms: ['5年交' as const],
  highlights: ['多次赔付'],
  brochureKey: null,
  onSale: true,
  hotness: 3,
};

describe('product items', () => {
  it('a catalogue product: beside the servicing record, on the catalogue partition in code order', () => {
    expect(catalogueProductItem(product, '2026-12-04')).toStrictEqual({
      pk: 'PRODUCT#CI01',
      sk: 'CATALOGUE',
      gsi1pk: 'CATALOGUE',
      gsi1sk: 'CI01',
      productCode: 'CI01',
      name: '金佑福重大疾病保险',
      shortName: '金佑福',
      category: '重疾',
      tags: ['重疾'],
      minAge: 0,
      maxAge: 60,
      paymentTerms: ['5年交'],
      highlights: ['多次赔付'],
      onSale: true,
      hotness: 3,
      hotnessAsOf: '2026-12-04',
      __edb_e__: 'catalogueProduct',
      __edb_v__: '1',
    });
    expect(catalogueProductItem({ ...product, brochureKey: 'brochures/CI01.pdf' })).toMatchObject({
      brochureKey: 'brochures/CI01.pdf',
    });
    expect(catalogueProductItem(product)).not.toHaveProperty('hotnessAsOf');
    // The names' syllables, read in context when the catalogue writes the product.
    const syllables = { name: ['zhong', 'ji'], shortName: [] };
    expect(catalogueProductItem(product, undefined, syllables)).toMatchObject({
      nameSyllables: ['zhong', 'ji'],
      shortNameSyllables: [],
    });
  });

  it("a day's counter: ADD of the counts, its key attributes, markers and TTL set (the first ADD creates it)", () => {
    expect(
      activityUpdate('items', '2026-12-05', 'CI01', { searchHits: 2, sales: 1 }, 1_000_500),
    ).toStrictEqual({
      TableName: 'items',
      Key: { pk: 'PRODUCTACTIVITY#2026-12-05', sk: 'CI01' },
      UpdateExpression:
        'SET #expiresAt = :expiresAt, #day = :day, #productCode = :productCode, #e = :e, #v = :v ADD #searchHits :searchHits, #sales :sales',
      ExpressionAttributeNames: {
        '#expiresAt': 'expiresAt',
        '#day': 'day',
        '#productCode': 'productCode',
        '#e': '__edb_e__',
        '#v': '__edb_v__',
        '#searchHits': 'searchHits',
        '#sales': 'sales',
      },
      ExpressionAttributeValues: {
        ':expiresAt': 1_000 + 60 * 86_400,
        ':day': '2026-12-05',
        ':productCode': 'CI01',
        ':e': 'productActivity',
        ':v': '1',
        ':searchHits': 2,
        ':sales': 1,
      },
    });
  });
});
