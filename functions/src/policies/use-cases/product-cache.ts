import type { ProductRecord } from '@zhixiang/shared/policy/model';
import type { ProductRepository } from '@zhixiang/shared/ports/repositories';

/**
 * Products are reference data (tens of items, changed by an admin import): read once per Lambda
 * process and product, and again after PRODUCT_CACHE_MS, keeping one DynamoDB round trip out of
 * every booking and endorsement submission.
 */
const PRODUCT_CACHE_MS = 5 * 60_000;
const products = new Map<string, { at: number; product: Promise<ProductRecord | null> }>();

export function cachedProduct(
  repository: Pick<ProductRepository, 'get'>,
  productCode: string,
  now: number = Date.now(),
): Promise<ProductRecord | null> {
  const hit = products.get(productCode);
  if (hit && now - hit.at < PRODUCT_CACHE_MS) return hit.product;
  const product = repository.get(productCode);
  products.set(productCode, { at: now, product });
  // A failed or empty read is not remembered.
  product
    .then((p) => (p ? undefined : products.delete(productCode)))
    .catch(() => products.delete(productCode));
  return product;
}
