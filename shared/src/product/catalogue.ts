import * as z from 'zod/mini';

/**
 * The product catalogue customers browse (知客). Separate from ProductRecord (policy/model.ts),
 * which carries the servicing rules policies need; both are keyed by the same product code.
 */
export const PRODUCT_CATEGORIES = [
  '寿险',
  '年金',
  '重疾',
  '医疗',
  '意外',
  '分红',
  '万能',
  '少儿',
  '养老',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** Payment terms as sold: single premium or a number of years. */
export const PAYMENT_TERMS = [
  '趸交',
  '3年交',
  '5年交',
  '10年交',
  '15年交',
  '20年交',
  '30年交',
  '交至60岁',
  '年缴一年期',
] as const;
export type PaymentTerm = (typeof PAYMENT_TERMS)[number];

export interface CatalogueProductRecord {
  productCode: string;
  name: string;
  /** What people call it (金佑福 for 金佑福重大疾病保险); searched like the name. */
  shortName: string;
  category: ProductCategory;
  tags: string[];
  /** Insurable age at entry, inclusive; 0 means from birth (28 days in the brochure). */
  minAge: number;
  maxAge: number;
  paymentTerms: PaymentTerm[];
  highlights: string[];
  /** S3 key of the brochure PDF (产品说明书), or null when none has been uploaded yet. */
  brochureKey: string | null;
  onSale: boolean;
  /**
   * Decayed popularity from recent sales, views and searches, recomputed by the scheduled job;
   * the import sets an initial value only for new products.
   */
  hotness: number;
}

export const ProductCodeSchema = z
  .string()
  .check(z.regex(/^[A-Z]{2}\d{2,4}$/, '产品代码应为两位大写字母加 2–4 位数字，例如 CI01'));

/** The longest query the engine looks at; longer input is cut here (and the response says so). */
export const MAX_QUERY_CHARS = 32;

export const ProductSearchQuerySchema = z.object({
  // Any text is accepted and cleaned by the engine; only absurd lengths are refused before that.
  q: z.optional(z.string().check(z.maxLength(2000, '搜索词（q）过长'))),
  category: z.optional(
    z.enum(PRODUCT_CATEGORIES, {
      error: '险种（category）应为寿险、年金、重疾、医疗、意外、分红、万能、少儿或养老之一',
    }),
  ),
  age: z.optional(
    z
      .pipe(
        z.string().check(z.regex(/^\d{1,3}$/, '年龄（age）应为 0–100 的整数')),
        z.transform((text: string) => Number(text)),
      )
      .check(z.refine((n: number) => n <= 100, '年龄（age）应为 0–100 的整数')),
  ),
  paymentTerm: z.optional(z.enum(PAYMENT_TERMS, { error: '缴费期（paymentTerm）不在可选范围内' })),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,2}$/, '条数（limit）应为 1–50 的整数')),
      z.transform((text: string) => Math.min(50, Math.max(1, Number(text)))),
    ),
  ),
});

export const HighlightSchema = z.object({ start: z.int(), end: z.int() });

export const ProductSummarySchema = z.object({
  productCode: z.string(),
  name: z.string(),
  shortName: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  tags: z.array(z.string()),
  minAge: z.int(),
  maxAge: z.int(),
  paymentTerms: z.array(z.string()),
  onSale: z.boolean(),
  hotness: z.number(),
});

export const ProductSearchHitSchema = z.object({
  product: ProductSummarySchema,
  /** Character ranges of `product.name` to highlight, [start, end). */
  highlights: z.array(HighlightSchema),
  /** How the query matched: exact, prefix, word, pinyin, initials, fuzzy or synonym/category. */
  matchedBy: z.string(),
});

export const ProductSearchResponseSchema = z.object({
  /** The query as searched (cleaned and possibly shortened). */
  query: z.string(),
  /** `hot`: no usable query, the hot list is shown; `search`: ranked matches. */
  mode: z.enum(['hot', 'search']),
  hits: z.array(ProductSearchHitSchema),
  /** A Chinese hint when the query was empty, shortened, unusable or found nothing. */
  hint: z.optional(z.string()),
  /** When a search found nothing: the hot products (with the same filters) to look at instead. */
  suggestions: z.optional(z.array(ProductSummarySchema)),
});

export const ProductDetailSchema = z.extend(ProductSummarySchema, {
  highlights: z.array(z.string()),
  /** A short-lived link to the brochure PDF, or null when there is none. */
  brochureUrl: z.nullable(z.string()),
});

export type ProductSummary = z.infer<typeof ProductSummarySchema>;
export type ProductSearchResponse = z.infer<typeof ProductSearchResponseSchema>;
export type ProductDetail = z.infer<typeof ProductDetailSchema>;
