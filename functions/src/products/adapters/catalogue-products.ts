import type {
  CatalogueRepository,
  ProductSyllables,
  SearchableProduct,
} from '@zhixiang/shared/ports/product-catalogue';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { GetCommand, PutCommand, UpdateCommand } from '../../platform/dynamodb/document-client';
import { entityItem, orNull, queryAll, type TableContext } from '../../platform/dynamodb/table';
import { getItem } from '../../platform/records/point-reads';

/**
 * The product catalogue (知客), entity `catalogueProduct`. Lives beside the servicing record of the
 * same product (`PRODUCT#<code>` / `PRODUCT`) under its own sort key, so policies and search evolve
 * apart. A product page reads one product by code; the search index is built from the whole
 * catalogue: one gsi1 partition (`CATALOGUE`, holding catalogue products only), read in code order.
 * Items held to literal expected items by product-items.test.ts.
 */
export const catalogueKey = (productCode: string) => ({ pk: `PRODUCT#${productCode}`, sk: 'CATALOGUE' });

/**
 * `hotnessAsOf`: the last day whose activity `hotness` includes (the recompute job's idempotency
 * mark); `syllables`: the name's and short name's, read in context when the product is written.
 */
export function catalogueProductItem(
  product: CatalogueProductRecord,
  hotnessAsOf?: string,
  syllables?: ProductSyllables,
): Record<string, unknown> {
  return entityItem('catalogueProduct', {
    ...catalogueKey(product.productCode),
    gsi1pk: 'CATALOGUE',
    gsi1sk: product.productCode,
    productCode: product.productCode,
    name: product.name,
    shortName: product.shortName,
    category: product.category,
    tags: product.tags,
    minAge: product.minAge,
    maxAge: product.maxAge,
    paymentTerms: product.paymentTerms,
    highlights: product.highlights,
    brochureKey: product.brochureKey,
    onSale: product.onSale,
    hotness: product.hotness,
    hotnessAsOf,
    nameSyllables: syllables?.name,
    shortNameSyllables: syllables?.shortName,
  });
}

function toRecord(raw: Record<string, unknown>): CatalogueProductRecord {
  const item = raw as unknown as Omit<CatalogueProductRecord, 'brochureKey'> & { brochureKey?: string };
  return {
    productCode: item.productCode,
    name: item.name,
    shortName: item.shortName,
    category: item.category,
    tags: [...item.tags],
    minAge: item.minAge,
    maxAge: item.maxAge,
    paymentTerms: item.paymentTerms,
    highlights: [...item.highlights],
    brochureKey: orNull(item.brochureKey),
    onSale: item.onSale,
    hotness: item.hotness,
  };
}

function toSearchable(item: Record<string, unknown>): SearchableProduct {
  const { nameSyllables, shortNameSyllables } = item;
  return {
    ...toRecord(item),
    syllables:
      Array.isArray(nameSyllables) && Array.isArray(shortNameSyllables)
        ? { name: nameSyllables as string[], shortName: shortNameSyllables as string[] }
        : null,
  };
}

/** The whole catalogue partition, in code order. */
const CATALOGUE_QUERY = {
  IndexName: 'gsi1',
  KeyConditionExpression: 'gsi1pk = :pk',
  ExpressionAttributeValues: { ':pk': 'CATALOGUE' },
};

export class DynamoCatalogueRepository implements CatalogueRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(productCode: string): Promise<CatalogueProductRecord | null> {
    const item = await getItem(this.ctx, catalogueKey(productCode));
    return item ? toRecord(item) : null;
  }

  async list(): Promise<CatalogueProductRecord[]> {
    return (await queryAll(this.ctx, CATALOGUE_QUERY)).map(toRecord);
  }

  async getSearchable(productCode: string): Promise<SearchableProduct | null> {
    const item = await getItem(this.ctx, catalogueKey(productCode));
    return item ? toSearchable(item) : null;
  }

  async listSearchable(): Promise<SearchableProduct[]> {
    return (await queryAll(this.ctx, CATALOGUE_QUERY)).map(toSearchable);
  }

  /** Keeps the stored hotness mark: an import changes product facts, not popularity history. */
  async put(product: CatalogueProductRecord, syllables: ProductSyllables): Promise<void> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({
        TableName: this.ctx.table,
        Key: catalogueKey(product.productCode),
        ProjectionExpression: 'hotnessAsOf',
      }),
    );
    const asOf = Item?.hotnessAsOf as string | undefined;
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.table,
        Item: catalogueProductItem(product, asOf || undefined, syllables),
      }),
    );
  }

  async listHotness(): Promise<Array<{ productCode: string; hotness: number; asOf: string | null }>> {
    const items = await queryAll(this.ctx, {
      ...CATALOGUE_QUERY,
      ProjectionExpression: 'productCode, hotness, hotnessAsOf',
    });
    return items.map((item) => ({
      productCode: item.productCode as string,
      hotness: item.hotness as number,
      asOf: orNull(item.hotnessAsOf as string | undefined),
    }));
  }

  /** Only a product already in the catalogue (a patch: the item must exist). */
  async setHotness(productCode: string, hotness: number, asOf: string): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: catalogueKey(productCode),
        UpdateExpression: 'SET hotness = :hotness, hotnessAsOf = :asOf',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':hotness': hotness, ':asOf': asOf },
      }),
    );
  }
}
