import type { ProductRecord } from '@zhixiang/shared/policy/model';
import { PRODUCT_KINDS } from '@zhixiang/shared/policy/schemas';
import type { ProductRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import { ALL_PAGES, SERVICE_NAME, type TableContext } from '../dynamodb/table';

export const productSchema = {
  model: { entity: 'product', version: '1', service: SERVICE_NAME },
  attributes: {
    productCode: { type: 'string', required: true },
    name: { type: 'string', required: true },
    kind: { type: PRODUCT_KINDS, required: true },
    coolingOffDays: { type: 'number', required: true },
    loanableRatioBasisPoints: { type: 'number', required: true },
    loanAnnualRateBasisPoints: { type: 'number', required: true },
    hasDeathBenefit: { type: 'boolean', required: true },
    participating: { type: 'boolean', required: true },
  },
  indexes: {
    // Every policy view resolves its product by code.
    byCode: {
      pk: { field: 'pk', composite: ['productCode'], template: 'PRODUCT#${productCode}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'PRODUCT', casing: 'none' },
    },
    // The catalogue (~40 items) in one partition, for product search and the admin CLI.
    catalogue: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: [], template: 'PRODUCTS', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['productCode'], template: 'PRODUCT#${productCode}', casing: 'none' },
    },
  },
} as const;

export function createProductEntity(ctx: TableContext) {
  return new Entity(productSchema, ctx);
}
export type ProductEntity = ReturnType<typeof createProductEntity>;

/**
 * Products are reference data (a few hundred items, changed by an admin import): `getCached` reads
 * each once per Lambda process and again after PRODUCT_CACHE_MS, keeping a DynamoDB round trip out
 * of every policy read, booking and endorsement submission. A put through this process refreshes it.
 */
const PRODUCT_CACHE_MS = 5 * 60_000;
const cachedProducts = new Map<string, { at: number; product: Promise<ProductRecord | null> }>();

export class DynamoProductRepository implements ProductRepository {
  constructor(private readonly entity: ProductEntity) {}

  getCached(productCode: string, now: number = Date.now()): Promise<ProductRecord | null> {
    const hit = cachedProducts.get(productCode);
    if (hit && now - hit.at < PRODUCT_CACHE_MS) return hit.product;
    const product = this.get(productCode);
    cachedProducts.set(productCode, { at: now, product });
    // A failed or empty read is not remembered.
    product
      .then((p) => (p ? undefined : cachedProducts.delete(productCode)))
      .catch(() => cachedProducts.delete(productCode));
    return product;
  }

  async get(productCode: string): Promise<ProductRecord | null> {
    const { data } = await this.entity.get({ productCode }).go();
    return data ? { ...data } : null;
  }

  async list(): Promise<ProductRecord[]> {
    const { data } = await this.entity.query.catalogue({}).go(ALL_PAGES);
    return data.map((item) => ({ ...item }));
  }

  async put(product: ProductRecord): Promise<void> {
    await this.entity.put(product).go();
    cachedProducts.delete(product.productCode);
  }
}
