import type { ProductActivity, ProductActivityRepository } from '@zhixiang/shared/ports/product-catalogue';
import { Entity } from 'electrodb';
import { ALL_PAGES, SERVICE_NAME, type TableContext } from '../../platform/dynamodb/table';

/** Activity is only needed until the daily hotness job has folded it in; kept 60 days for analysis. */
const KEEP_SECONDS = 60 * 86_400;

/**
 * Per-day counters of views, search appearances and sales per product, one partition per day so
 * the nightly job reads a day with one Query. Written with atomic ADD (no read-modify-write).
 */
export const productActivitySchema = {
  model: { entity: 'productActivity', version: '1', service: SERVICE_NAME },
  attributes: {
    day: { type: 'string', required: true },
    productCode: { type: 'string', required: true },
    views: { type: 'number', default: 0 },
    searchHits: { type: 'number', default: 0 },
    sales: { type: 'number', default: 0 },
    expiresAt: { type: 'number' },
  },
  indexes: {
    // The hotness job reads one day's counters; a view adds to one product's counter of today.
    byDay: {
      pk: { field: 'pk', composite: ['day'], template: 'PRODUCTACTIVITY#${day}', casing: 'none' },
      sk: { field: 'sk', composite: ['productCode'], template: '${productCode}', casing: 'none' },
    },
  },
} as const;

export function createProductActivityEntity(ctx: TableContext) {
  return new Entity(productActivitySchema, ctx);
}
export type ProductActivityEntity = ReturnType<typeof createProductActivityEntity>;

export class DynamoProductActivityRepository implements ProductActivityRepository {
  constructor(
    private readonly entity: ProductActivityEntity,
    private readonly now: () => number = Date.now,
  ) {}

  async add(
    day: string,
    productCode: string,
    counts: Partial<Omit<ProductActivity, 'productCode'>>,
  ): Promise<void> {
    const increments = Object.fromEntries(
      Object.entries(counts).filter(([, n]) => typeof n === 'number' && n > 0),
    );
    if (Object.keys(increments).length === 0) return;
    await this.entity
      .update({ day, productCode })
      .add(increments)
      .set({ expiresAt: Math.floor(this.now() / 1000) + KEEP_SECONDS })
      .go({ response: 'none' });
  }

  async listDay(day: string): Promise<ProductActivity[]> {
    const { data } = await this.entity.query.byDay({ day }).go(ALL_PAGES);
    return data.map((item) => ({
      productCode: item.productCode,
      views: item.views ?? 0,
      searchHits: item.searchHits ?? 0,
      sales: item.sales ?? 0,
    }));
  }
}
