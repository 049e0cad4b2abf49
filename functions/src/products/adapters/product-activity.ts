import { createHash } from 'node:crypto';
import type { ProductActivity, ProductActivityRepository } from '@zhixiang/shared/ports/product-catalogue';
import { Entity } from 'electrodb';
import { TransactWriteCommand } from '../../platform/dynamodb/document-client';
import {
  ALL_PAGES,
  isConditionalCheckFailed,
  SERVICE_NAME,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/** Activity is only needed until the daily hotness job has folded it in; kept 60 days for analysis. */
const KEEP_SECONDS = 60 * 86_400;
/** A visitor's "already counted today" mark outlives its day (Asia/Shanghai) by a day. */
const VIEW_MARK_MS = 2 * 86_400_000;

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
  private readonly entity: ProductActivityEntity;

  constructor(
    private readonly ctx: TableContext,
    private readonly now: () => number = Date.now,
  ) {
    this.entity = createProductActivityEntity(ctx);
  }

  /**
   * One view per visitor, product and day: the visitor's mark (a hash of the day and the visitor,
   * so no address is stored and days cannot be linked) is created on condition that it is new, in
   * the same transaction as the counter's ADD — a repeat view, however concurrent, adds nothing.
   */
  async addView(day: string, productCode: string, visitor: string): Promise<boolean> {
    const counter = this.entity
      .update({ day, productCode })
      .add({ views: 1 })
      .set({ expiresAt: Math.floor(this.now() / 1000) + KEEP_SECONDS })
      .params();
    const mark = createHash('sha256').update(`${day}|${visitor}`).digest('hex').slice(0, 32);
    try {
      await this.ctx.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.ctx.table,
                Item: {
                  pk: `PRODUCTVIEW#${day}#${productCode}`,
                  sk: mark,
                  expiresAt: toTtlSeconds(this.now() + VIEW_MARK_MS),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: counter.TableName,
                Key: counter.Key,
                UpdateExpression: counter.UpdateExpression,
                ExpressionAttributeNames: counter.ExpressionAttributeNames,
                ExpressionAttributeValues: counter.ExpressionAttributeValues,
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

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
