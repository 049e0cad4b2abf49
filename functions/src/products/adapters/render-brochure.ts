import type { Brand } from '@zhixiang/shared/brand';
import type { CatalogueProductRecord, ProductCategory } from '@zhixiang/shared/product/catalogue';
import {
  A4,
  createBrandedPdf,
  drawBrandHeader,
  drawParagraph,
  hexColor,
  INK,
  MUTED,
  RULE,
} from '../../platform/pdf/pdf-text';

const MARGIN = 56;

/** What each kind of product is for, in one sentence (the brochure's opening). */
const CATEGORY_INTRO: Record<ProductCategory, string> = {
  寿险: '寿险为被保险人提供身故或全残保障，帮助家庭在意外变故时保持经济稳定。',
  年金: '年金保险按合同约定定期给付年金，适合养老规划和教育金储备。',
  重疾: '重大疾病保险在被保险人确诊合同约定的疾病时给付保险金，用于治疗和弥补收入损失。',
  医疗: '医疗保险按合同约定报销住院及相关医疗费用，减轻看病的经济负担。',
  意外: '意外伤害保险保障意外导致的身故、伤残和医疗费用，保费较低、保障明确。',
  分红: '分红型保险在提供保障的同时，每年根据公司分红险业务的实际经营成果分配红利，红利不保证。',
  万能: '万能保险在保障之外设有个人账户，账户价值按不低于保证利率结算，可灵活追加或领取。',
  少儿: '少儿保险为孩子提供健康、意外和教育金等保障，由父母作为投保人。',
  养老: '养老保险从约定年龄起按月或按年领取养老金，为退休生活提供稳定的现金流。',
};

/**
 * A one-page product summary (产品简介) in Chinese, from the catalogue's own data: the letterhead,
 * the product's name and kind, what it is for, its highlights, who may buy it and how it is paid,
 * and the reminder that the policy's terms govern. Used where the insurer has not uploaded the
 * product's brochure (the demo catalogue); it states that it was generated from product data.
 */
export async function renderProductBrochure(
  product: CatalogueProductRecord,
  brand: Brand,
): Promise<Uint8Array> {
  // A fixed date: the same product data always gives the same bytes.
  const { pdf, font } = await createBrandedPdf(brand, `${product.name} 产品简介`, 0);
  const page = pdf.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  let y = drawBrandHeader(page, font, brand, '产品简介', { margin: MARGIN, top: A4.height - 48 });

  page.drawText(product.name, {
    x: MARGIN,
    y: y - 40,
    size: 20,
    font,
    color: hexColor(brand.colors.primary),
  });
  const tags = [product.category, ...product.tags, product.onSale ? '在售' : '已停售'].join(' · ');
  page.drawText(`产品代码 ${product.productCode}　${tags}`, {
    x: MARGIN,
    y: y - 62,
    size: 10,
    font,
    color: MUTED,
  });
  y = drawParagraph(page, CATEGORY_INTRO[product.category], {
    x: MARGIN,
    y: y - 84,
    width,
    font,
    size: 11.5,
  });

  const section = (title: string) => {
    page.drawText(title, { x: MARGIN, y: y - 30, size: 13, font, color: INK });
    page.drawLine({
      start: { x: MARGIN, y: y - 36 },
      end: { x: A4.width - MARGIN, y: y - 36 },
      thickness: 0.5,
      color: RULE,
    });
    y -= 44;
  };
  section('产品亮点');
  product.highlights.forEach((line, i) => {
    y = drawParagraph(page, `${i + 1}. ${line}`, { x: MARGIN + 8, y, width: width - 8, font, size: 11 }) - 2;
  });
  section('投保须知');
  const minAge = product.minAge === 0 ? '出生满 28 天' : `${product.minAge} 周岁`;
  for (const [label, value] of [
    ['投保年龄', `${minAge}至 ${product.maxAge} 周岁`],
    ['交费方式', product.paymentTerms.join('、')],
    ['销售状态', product.onSale ? '在售' : '已停售（已投保的保单不受影响）'],
  ] as const) {
    page.drawText(label, { x: MARGIN + 8, y: y - 14, size: 11, font, color: MUTED });
    y = drawParagraph(page, value, { x: MARGIN + 90, y: y - 2, width: width - 90, font, size: 11 }) - 4;
  }

  drawParagraph(
    page,
    `本简介根据产品资料生成，仅供了解产品。保险责任、责任免除、犹豫期等以保险合同条款为准。投保咨询请联系您的业务员或拨打${brand.insurerName}客服热线 ${brand.servicePhone}。`,
    { x: MARGIN, y: 110, width, font, size: 9.5, color: MUTED },
  );
  return pdf.save();
}
