import type { CatalogueProductRecord } from '../product/catalogue';

/**
 * Answers about one product, from the product's own catalogue data: what it covers, who may buy
 * it, how it is paid, whether it is on sale and where its brochure is. Used when the customer came
 * to the assistant from a product page (问问小智) and asks about that product.
 */
const ASPECTS = [
  {
    name: 'coverage',
    pattern: /保障|保什么|保哪些|责任|范围|赔什么|赔哪些|亮点|特点|特色|好处|介绍|怎么样|适合/,
  },
  { name: 'age', pattern: /年龄|多大|几岁|年纪|岁|老人|小孩|孩子|宝宝|出生/ },
  { name: 'payment', pattern: /交费|缴费|交多久|交几年|几年交|交法|趸交|年交|期交|保费怎么交/ },
  { name: 'sale', pattern: /在售|停售|还能买|还卖|下架/ },
  { name: 'brochure', pattern: /说明书|条款|资料|文件/ },
] as const;
type Aspect = (typeof ASPECTS)[number]['name'];

/** The aspects of a product a message asks about (none: it names no aspect). */
export function productAspectsAsked(message: string): Aspect[] {
  return ASPECTS.filter((aspect) => aspect.pattern.test(message)).map((aspect) => aspect.name);
}

function ageText({ minAge, maxAge }: CatalogueProductRecord): string {
  const from = minAge === 0 ? '出生满 28 天' : `${minAge} 周岁`;
  return `投保年龄：${from}至 ${maxAge} 周岁。`;
}

const SENTENCES: Record<Aspect, (product: CatalogueProductRecord) => string> = {
  coverage: (p) =>
    `「${p.name}」是一款${p.category}类产品，主要保障和特点：${p.highlights.map((h, i) => `${i + 1}. ${h}`).join('；')}。`,
  age: ageText,
  payment: (p) => `交费方式：${p.paymentTerms.join('、')}。`,
  sale: (p) => (p.onSale ? '该产品目前在售。' : '该产品已停售，已投保的保单不受影响。'),
  brochure: (p) =>
    p.brochureKey
      ? '产品说明书可以在产品页面点「产品说明书」查看。'
      : '该产品的说明书暂未上线，可以拨打客服热线索取。',
};

/**
 * The paragraphs answering `message` about `product`: the aspects asked, or an overview of all of
 * them when the message names none; always with the reminder that the contract governs.
 */
export function productAnswer(product: CatalogueProductRecord, message: string): string[] {
  const asked = productAspectsAsked(message);
  const aspects: Aspect[] = asked.length > 0 ? asked : ['coverage', 'age', 'payment', 'sale'];
  return [...aspects.map((aspect) => SENTENCES[aspect](product)), '具体保障责任以保险合同条款为准。'];
}
