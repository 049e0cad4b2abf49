import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import {
  type CatalogueProductRecord,
  PAYMENT_TERMS,
  type PaymentTerm,
  PRODUCT_CATEGORIES,
  ProductCodeSchema,
} from '@zhixiang/shared/product/catalogue';
import { productSyllables } from '@zhixiang/shared/search/pinyin';
import * as z from 'zod/mini';
import { storedProductToCompare } from '../../src/products/use-cases/stored-product';
import { emptyTally, writeIfChanged } from '../../src/seed/write-if-changed';
import { type CsvRow, describeIssue, forEachWithProgress, ImportRejected, type RowProblem } from './csv-rows';
import type { ImportReport } from './import-customers';

/** Lists inside a cell are separated by | (tags, payment terms, highlights). */
export const PRODUCT_COLUMNS = [
  'productCode',
  'name',
  'shortName',
  'category',
  'tags',
  'minAge',
  'maxAge',
  'paymentTerms',
  'highlights',
  'brochureKey',
  'onSale',
] as const;

const list = z.pipe(
  z.optional(z.string()),
  z.transform((cell: string | undefined) =>
    (cell ?? '')
      .split('|')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
);
const age = (column: string) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,3}$/, `${column}应为 0–100 的整数`)),
    z.transform((text: string) => Number(text)),
  );

const ProductRowSchema = z.object({
  productCode: ProductCodeSchema,
  name: z.string().check(z.minLength(2, '产品名称至少 2 个字'), z.maxLength(40, '产品名称不能超过 40 个字')),
  shortName: z
    .string()
    .check(z.minLength(1, '产品简称不能为空'), z.maxLength(12, '产品简称不能超过 12 个字')),
  category: z.enum(PRODUCT_CATEGORIES, { error: `险种应为${PRODUCT_CATEGORIES.join('、')}之一` }),
  tags: list,
  minAge: age('最低投保年龄'),
  maxAge: age('最高投保年龄'),
  paymentTerms: list,
  highlights: list,
  brochureKey: z.optional(
    z.string().check(z.regex(/^(brochures\/[\w.-]+\.pdf)?$/, '说明书路径应为 brochures/<文件名>.pdf')),
  ),
  onSale: z.enum(['是', '否', 'true', 'false'], { error: '在售应填 是 或 否' }),
  hotness: z.optional(z.string().check(z.regex(/^(\d{1,6}(\.\d)?)?$/, '初始热度应为非负数'))),
});

export function validateProductRows(rows: CsvRow[]): {
  products: CatalogueProductRecord[];
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const products: CatalogueProductRecord[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  for (const row of rows) {
    const parsed = ProductRowSchema.safeParse(row.values);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: describeIssue(parsed.error) });
      continue;
    }
    const r = parsed.data;
    const reasons: string[] = [];
    if (r.minAge > 100 || r.maxAge > 100) reasons.push('投保年龄应在 0–100 岁之间');
    if (r.minAge > r.maxAge) reasons.push(`最低投保年龄 ${r.minAge} 大于最高投保年龄 ${r.maxAge}`);
    const unknownTerms = r.paymentTerms.filter((t) => !(PAYMENT_TERMS as readonly string[]).includes(t));
    if (r.paymentTerms.length === 0) reasons.push('缴费期不能为空');
    if (unknownTerms.length > 0)
      reasons.push(`不认识的缴费期：${unknownTerms.join('、')}（可选：${PAYMENT_TERMS.join('、')}）`);
    const earlierCode = codes.get(r.productCode);
    if (earlierCode) reasons.push(`产品代码 ${r.productCode} 与第 ${earlierCode} 行重复`);
    const earlierName = names.get(r.name);
    if (earlierName) reasons.push(`产品名称与第 ${earlierName} 行重复`);
    if (reasons.length > 0) {
      problems.push({ line: row.line, reason: reasons.join('；') });
      continue;
    }
    codes.set(r.productCode, row.line);
    names.set(r.name, row.line);
    products.push({
      productCode: r.productCode,
      name: r.name,
      shortName: r.shortName,
      category: r.category,
      tags: r.tags,
      minAge: r.minAge,
      maxAge: r.maxAge,
      paymentTerms: r.paymentTerms as PaymentTerm[],
      highlights: r.highlights,
      brochureKey: r.brochureKey ? r.brochureKey : null,
      onSale: r.onSale === '是' || r.onSale === 'true',
      hotness: r.hotness ? Number(r.hotness) : 0,
    });
  }
  return { products, problems };
}

/**
 * Creates and updates catalogue products. The hotness column only seeds a new product: an
 * existing product keeps the hotness the nightly job computed. Re-importing changes nothing.
 */
export async function importProducts(
  file: string,
  rows: CsvRow[],
  deps: { catalogue: CatalogueRepository; progress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const { products, problems } = validateProductRows(rows);
  if (problems.length > 0) throw new ImportRejected(file, problems);
  const tally = emptyTally();
  await forEachWithProgress(
    products,
    async (product) => {
      const outcome = await writeIfChanged(product, {
        load: () => storedProductToCompare(deps.catalogue, product.productCode),
        save: (desired, existing) =>
          deps.catalogue.put(
            existing ? { ...desired, hotness: existing.hotness } : desired,
            productSyllables(desired),
          ),
        ignore: ['hotness'],
      });
      tally[outcome]++;
    },
    deps.progress ?? (() => {}),
  );
  return { rows: rows.length, ...tally };
}
