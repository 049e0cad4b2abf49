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
  /** Stores the product with its name's and short name's syllables (search/pinyin.ts `productSyllables`). */
  put(product: CatalogueProductRecord, syllables: ProductSyllables): Promise<void>;
  /**
   * Every product's hotness and the day (YYYY-MM-DD) whose activity it already includes (null
   * before the first recompute).
   */
  listHotness(): Promise<Array<{ productCode: string; hotness: number; asOf: string | null }>>;
  /** Sets only the hotness and the day it is computed through; leaves the rest alone. */
  setHotness(productCode: string, hotness: number, asOf: string): Promise<void>;
}

/**
 * The syllables of a product's normalised name and short name, read in context by pinyin-pro
 * (search/pinyin.ts `productSyllables`) where the catalogue is written, so that no search reads
 * whole names with pinyin-pro.
 */
export interface ProductSyllables {
  name: readonly string[];
  shortName: readonly string[];
}

/** A product as the search index reads it; `syllables` null for an item stored before the catalogue kept them. */
export type SearchableProduct = CatalogueProductRecord & { syllables: ProductSyllables | null };

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
