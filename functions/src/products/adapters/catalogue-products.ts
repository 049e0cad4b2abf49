import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import { type CatalogueProductRecord, PRODUCT_CATEGORIES } from '@zhixiang/shared/product/catalogue';
import { Entity } from 'electrodb';
import {
  ALL_PAGES,
  orNull,
  orUndefined,
  SERVICE_NAME,
  type TableContext,
} from '../../platform/dynamodb/table';

/**
 * The product catalogue (知客). Lives beside the servicing record of the same product
 * (`PRODUCT#<code>` / `PRODUCT`) under its own sort key, so policies and search evolve apart.
 */
export const catalogueProductSchema = {
  model: { entity: 'catalogueProduct', version: '1', service: SERVICE_NAME },
  attributes: {
    productCode: { type: 'string', required: true },
    name: { type: 'string', required: true },
    shortName: { type: 'string', required: true },
    category: { type: PRODUCT_CATEGORIES, required: true },
    tags: { type: 'list', items: { type: 'string' }, required: true },
    minAge: { type: 'number', required: true },
    maxAge: { type: 'number', required: true },
    paymentTerms: { type: 'list', items: { type: 'string' }, required: true },
    highlights: { type: 'list', items: { type: 'string' }, required: true },
    brochureKey: { type: 'string' },
    onSale: { type: 'boolean', required: true },
    hotness: { type: 'number', required: true },
    /** The last day whose activity `hotness` includes (the recompute job's idempotency mark). */
    hotnessAsOf: { type: 'string' },
  },
  indexes: {
    // A product page reads one product by code.
    byCode: {
      pk: { field: 'pk', composite: ['productCode'], template: 'PRODUCT#${productCode}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CATALOGUE', casing: 'none' },
    },
    // The search index is built from the whole catalogue: one partition, read in code order.
    catalogue: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: [], template: 'CATALOGUE', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['productCode'], template: '${productCode}', casing: 'none' },
    },
  },
} as const;

export function createCatalogueProductEntity(ctx: TableContext) {
  return new Entity(catalogueProductSchema, ctx);
}
export type CatalogueProductEntity = ReturnType<typeof createCatalogueProductEntity>;

function toRecord(item: {
  productCode: string;
  name: string;
  shortName: string;
  category: CatalogueProductRecord['category'];
  tags: string[];
  minAge: number;
  maxAge: number;
  paymentTerms: string[];
  highlights: string[];
  brochureKey?: string | undefined;
  onSale: boolean;
  hotness: number;
}): CatalogueProductRecord {
  return {
    productCode: item.productCode,
    name: item.name,
    shortName: item.shortName,
    category: item.category,
    tags: [...item.tags],
    minAge: item.minAge,
    maxAge: item.maxAge,
    paymentTerms: item.paymentTerms as CatalogueProductRecord['paymentTerms'],
    highlights: [...item.highlights],
    brochureKey: orNull(item.brochureKey),
    onSale: item.onSale,
    hotness: item.hotness,
  };
}

export class DynamoCatalogueRepository implements CatalogueRepository {
  constructor(private readonly entity: CatalogueProductEntity) {}

  async get(productCode: string): Promise<CatalogueProductRecord | null> {
    const { data } = await this.entity.get({ productCode }).go();
    return data ? toRecord(data) : null;
  }

  async list(): Promise<CatalogueProductRecord[]> {
    const { data } = await this.entity.query.catalogue({}).go(ALL_PAGES);
    return data.map(toRecord);
  }

  /** Keeps the stored hotness mark: an import changes product facts, not popularity history. */
  async put(product: CatalogueProductRecord): Promise<void> {
    const { data } = await this.entity
      .get({ productCode: product.productCode })
      .go({ attributes: ['hotnessAsOf'] });
    const asOf = data?.hotnessAsOf;
    await this.entity
      .put({
        ...product,
        brochureKey: orUndefined(product.brochureKey),
        ...(asOf ? { hotnessAsOf: asOf } : {}),
      })
      .go();
  }

  async listHotness(): Promise<Array<{ productCode: string; hotness: number; asOf: string | null }>> {
    const { data } = await this.entity.query
      .catalogue({})
      .go({ ...ALL_PAGES, attributes: ['productCode', 'hotness', 'hotnessAsOf'] });
    return data.map((item) => ({
      productCode: item.productCode,
      hotness: item.hotness,
      asOf: orNull(item.hotnessAsOf),
    }));
  }

  async setHotness(productCode: string, hotness: number, asOf: string): Promise<void> {
    await this.entity.patch({ productCode }).set({ hotness, hotnessAsOf: asOf }).go();
  }
}
