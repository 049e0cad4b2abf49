import type { ProductRecord } from '@zhixiang/shared/policy/model';
import type { ProductRepository } from '@zhixiang/shared/ports/repositories';
import { benefitScheduleSchema } from '@zhixiang/shared/product/benefit-schedule';
import { PutCommand } from '../dynamodb/document-client';
import { entityItem, type TableContext } from '../dynamodb/table';
import { getItem, type ItemKey, queryEntity, type RawItem } from './point-reads';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

/**
 * Products as servicing knows them (entity `product`). Keys: `pk=PRODUCT#<code>`, `sk=PRODUCT`
 * (every policy view resolves its product by code); gsi1 = the catalogue (~40 items) in one
 * partition (`gsi1pk=PRODUCTS`, `gsi1sk=PRODUCT#<code>`), for product search and the admin CLI.
 */
export function productKey(productCode: string): ItemKey {
  return { pk: `PRODUCT#${productCode}`, sk: 'PRODUCT' };
}

/** The product item as stored (`record-items.test.ts` holds its exact shape). */
export function productItem(product: ProductRecord): RawItem {
  return entityItem('product', {
    productCode: product.productCode,
    name: product.name,
    kind: product.kind,
    coolingOffDays: product.coolingOffDays,
    loanableRatioBasisPoints: product.loanableRatioBasisPoints,
    loanAnnualRateBasisPoints: product.loanAnnualRateBasisPoints,
    hasDeathBenefit: product.hasDeathBenefit,
    participating: product.participating,
    ...(product.benefitSchedule ? { benefitSchedule: product.benefitSchedule } : {}),
    ...productKey(product.productCode),
    gsi1pk: 'PRODUCTS',
    gsi1sk: `PRODUCT#${product.productCode}`,
  });
}

function toRecord(item: RawItem): ProductRecord {
  return {
    productCode: item.productCode as string,
    name: item.name as string,
    kind: item.kind as ProductRecord['kind'],
    coolingOffDays: item.coolingOffDays as number,
    loanableRatioBasisPoints: item.loanableRatioBasisPoints as number,
    loanAnnualRateBasisPoints: item.loanAnnualRateBasisPoints as number,
    hasDeathBenefit: item.hasDeathBenefit as boolean,
    participating: item.participating as boolean,
    ...(item.benefitSchedule ? { benefitSchedule: benefitScheduleSchema().parse(item.benefitSchedule) } : {}),
  };
}

/** Products by code for this process (reference data: see ReferenceCache). */
const cachedProducts = new ReferenceCache<ProductRecord>(REFERENCE_CACHE_MS);

export class DynamoProductRepository implements ProductRepository {
  constructor(private readonly ctx: TableContext) {}

  /** The product from this process's cache (read at most every few minutes): views and checks. */
  getCached(productCode: string): Promise<ProductRecord | null> {
    return cachedProducts.get(productCode, () => this.get(productCode));
  }

  async get(productCode: string): Promise<ProductRecord | null> {
    const item = await getItem(this.ctx, productKey(productCode));
    return item ? toRecord(item) : null;
  }

  async list(): Promise<ProductRecord[]> {
    const items = await queryEntity(this.ctx, 'product', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'PRODUCTS', ':prefix': 'PRODUCT#' },
    });
    return items.map(toRecord);
  }

  async put(product: ProductRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.table, Item: productItem(product) }));
    cachedProducts.forget(product.productCode);
  }
}
