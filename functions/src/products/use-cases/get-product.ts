import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  CatalogueRepository,
  ProductActivityRepository,
} from '@zhixiang/shared/ports/product-catalogue';
import type { ProductDetail } from '@zhixiang/shared/product/catalogue';
import type { BrochureLinks } from '../adapters/brochure-links';

export interface GetProductDeps {
  catalogue: CatalogueRepository;
  activity: ProductActivityRepository;
  brochures: BrochureLinks;
  now: () => number;
  logger: Pick<Logger, 'warn'>;
}

export const PRODUCT_NOT_FOUND_MESSAGE = '未找到该产品，请核对产品代码';

/**
 * A product page, open to anyone. Its view feeds the product's hotness once per visitor and day
 * (a visitor is the caller's address: the page is public), so reloading it cannot pump the ranking.
 */
export async function getProduct(
  deps: GetProductDeps,
  productCode: string,
  visitor: string,
): Promise<ProductDetail> {
  const product = await deps.catalogue.get(productCode);
  if (!product)
    throw new AppError('NOT_FOUND', PRODUCT_NOT_FOUND_MESSAGE, {
      logMessage: `product ${productCode} not in catalogue`,
    });
  const day = todayInShanghai(new Date(deps.now()));
  const [brochureUrl] = await Promise.all([
    product.brochureKey ? deps.brochures.urlFor(product.brochureKey) : Promise.resolve(null),
    deps.activity
      .addView(day, productCode, visitor)
      .catch((error: unknown) => deps.logger.warn('product view not recorded', { productCode, error })),
  ]);
  return {
    productCode: product.productCode,
    name: product.name,
    shortName: product.shortName,
    category: product.category,
    tags: product.tags,
    minAge: product.minAge,
    maxAge: product.maxAge,
    paymentTerms: product.paymentTerms,
    onSale: product.onSale,
    hotness: product.hotness,
    highlights: product.highlights,
    brochureUrl,
  };
}
