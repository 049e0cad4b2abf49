import { createHash } from 'node:crypto';
import type { ProductActivity, ProductActivityRepository } from '@zhixiang/shared/ports/product-catalogue';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
import { conditionally, queryAll, type TableContext, toTtlSeconds } from '../../platform/dynamodb/table';

/** Activity is only needed until the daily hotness job has folded it in; kept 60 days for analysis. */
const KEEP_SECONDS = 60 * 86_400;
/** A visitor's "already counted today" mark outlives its day (Asia/Shanghai) by a day. */
const VIEW_MARK_MS = 2 * 86_400_000;

type Counter = keyof Omit<ProductActivity, 'productCode'>;
const COUNTERS: readonly Counter[] = ['views', 'searchHits', 'sales'];

/**
 * Per-day counters of views, search appearances and sales per product (entity `productActivity`),
 * one partition per day (`PRODUCTACTIVITY#<day>`, holding counters only) so the nightly job reads a
 * day with one Query. Written with atomic ADD (no read-modify-write); the first ADD of a day creates
 * the item, so every update also sets its key attributes and entity markers. product-items.test.ts holds the update to a literal expected one.
 */
export function activityUpdate(
  table: string,
  day: string,
  productCode: string,
  increments: Partial<Record<Counter, number>>,
  nowMs: number,
): NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']> {
  const counters = COUNTERS.filter((counter) => increments[counter] !== undefined);
  return {
    TableName: table,
    Key: { pk: `PRODUCTACTIVITY#${day}`, sk: productCode },
    UpdateExpression: `SET #expiresAt = :expiresAt, #day = :day, #productCode = :productCode, #e = :e, #v = :v ADD ${counters
      .map((counter) => `#${counter} :${counter}`)
      .join(', ')}`,
    ExpressionAttributeNames: {
      '#expiresAt': 'expiresAt',
      '#day': 'day',
      '#productCode': 'productCode',
      '#e': '__edb_e__',
      '#v': '__edb_v__',
      ...Object.fromEntries(counters.map((counter) => [`#${counter}`, counter])),
    },
    ExpressionAttributeValues: {
      ':expiresAt': Math.floor(nowMs / 1000) + KEEP_SECONDS,
      ':day': day,
      ':productCode': productCode,
      ':e': 'productActivity',
      ':v': '1',
      ...Object.fromEntries(counters.map((counter) => [`:${counter}`, increments[counter]])),
    },
  };
}

export class DynamoProductActivityRepository implements ProductActivityRepository {
  constructor(
    private readonly ctx: TableContext,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * One view per visitor, product and day: the visitor's mark (a hash of the day and the visitor,
   * so no address is stored and days cannot be linked) is created on condition that it is new, in
   * the same transaction as the counter's ADD — a repeat view, however concurrent, adds nothing.
   */
  async addView(day: string, productCode: string, visitor: string): Promise<boolean> {
    const mark = createHash('sha256').update(`${day}|${visitor}`).digest('hex').slice(0, 32);
    return conditionally(
      this.ctx,
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
          { Update: activityUpdate(this.ctx.table, day, productCode, { views: 1 }, this.now()) },
        ],
      }),
    );
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
    await this.ctx.client.send(
      new UpdateCommand(activityUpdate(this.ctx.table, day, productCode, increments, this.now())),
    );
  }

  async listDay(day: string): Promise<ProductActivity[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `PRODUCTACTIVITY#${day}` },
    });
    return items.map((item) => ({
      productCode: item.productCode as string,
      views: (item.views as number | undefined) ?? 0,
      searchHits: (item.searchHits as number | undefined) ?? 0,
      sales: (item.sales as number | undefined) ?? 0,
    }));
  }
}
