import type { CatalogueProductRecord } from '../product/catalogue';

/**
 * Storage of the product catalogue (知客) and of the activity that makes a product hot. The
 * DynamoDB adapters are functions/src/products/adapters/catalogue-products.ts and
 * product-activity.ts; access patterns in docs/dynamodb-access-patterns.md.
 */
export interface CatalogueRepository {
  get(productCode: string): Promise<CatalogueProductRecord | null>;
  /** The whole catalogue (hundreds to a few thousand products), in code order. */
  list(): Promise<CatalogueProductRecord[]>;
  /** A product with the syllables its name and short name were stored with. */
  getSearchable(productCode: string): Promise<SearchableProduct | null>;
  /** The whole catalogue, each product with the syllables its name and short name were stored with. */
  listSearchable(): Promise<SearchableProduct[]>;
  /** Stores the product with its name's and short name's syllables, read in context (search/pinyin.ts). */
  put(product: CatalogueProductRecord): Promise<void>;
  /**
   * Every product's hotness and the day (YYYY-MM-DD) whose activity it already includes (null
   * before the first recompute).
   */
  listHotness(): Promise<Array<{ productCode: string; hotness: number; asOf: string | null }>>;
  /** Sets only the hotness and the day it is computed through; leaves the rest alone. */
  setHotness(productCode: string, hotness: number, asOf: string): Promise<void>;
}

/**
 * A product as the search index reads it: with the syllables of its normalised name and short name
 * (search/pinyin.ts `fieldSyllables`) stored when it was written, so a search never reads whole
 * names with pinyin-pro; null for an item written before the catalogue stored them.
 */
export type SearchableProduct = CatalogueProductRecord & {
  syllables: { name: readonly string[]; shortName: readonly string[] } | null;
};

export interface ProductActivity {
  productCode: string;
  views: number;
  /** Times the product was among the first results of a search. */
  searchHits: number;
  sales: number;
}

export interface ProductActivityRepository {
  /** Adds to a product's counters of one day (Asia/Shanghai); counters start at zero. */
  add(day: string, productCode: string, counts: Partial<Omit<ProductActivity, 'productCode'>>): Promise<void>;
  /** Counts a product page's view once per visitor and day; false when this visitor was counted already. */
  addView(day: string, productCode: string, visitor: string): Promise<boolean>;
  /** Every product with activity on that day. */
  listDay(day: string): Promise<ProductActivity[]>;
}
