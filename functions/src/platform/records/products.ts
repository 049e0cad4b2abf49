import type { ProductRecord } from '@zhixiang/shared/policy/model';
import { PRODUCT_KINDS } from '@zhixiang/shared/policy/schemas';
import type { ProductRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import { ALL_PAGES, SERVICE_NAME, type TableContext } from '../dynamodb/table';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

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

/** Products by code for this process (reference data: see ReferenceCache). */
const cachedProducts = new ReferenceCache<ProductRecord>(REFERENCE_CACHE_MS);

export class DynamoProductRepository implements ProductRepository {
  constructor(private readonly entity: ProductEntity) {}

  /** The product from this process's cache (read at most every few minutes): views and checks. */
  getCached(productCode: string): Promise<ProductRecord | null> {
    return cachedProducts.get(productCode, () => this.get(productCode));
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
    cachedProducts.forget(product.productCode);
  }
}
