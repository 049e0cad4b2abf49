import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import * as z from 'zod/mini';
import { mapConcurrently } from '../../src/platform/concurrency';

/**
 * CSV reading and row validation shared by the imports. A file is validated completely before
 * anything is written: one bad row means nothing is imported, and every bad row is reported with
 * its line number and a reason an operator can act on.
 */
export interface CsvRow {
  /** 1-based line of the file where the row ends (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
  ) {
    super(
      `${file}: ${problems.length} 行有误，未导入任何数据\n${problems.map((p) => `  第 ${p.line} 行：${p.reason}`).join('\n')}`,
    );
    this.name = 'ImportRejected';
  }
}

export async function readCsv(file: string, requiredColumns: readonly string[]): Promise<CsvRow[]> {
  return parseCsv(await readFile(file, 'utf8'), requiredColumns, file);
}

export function parseCsv(text: string, requiredColumns: readonly string[], file = 'CSV'): CsvRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
      comment: '#',
      comment_no_infix: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportRejected(file, [{ line, reason: `CSV 格式错误：${(error as Error).message}` }]);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = requiredColumns.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0)
    throw new ImportRejected(file, [{ line: 1, reason: `缺少列：${missing.join('、')}` }]);
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

/** The first problem of a zod result, phrased with the column name. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '内容有误';
  const column = issue.path.map(String).join('.');
  return column ? `${column}：${issue.message}` : issue.message;
}

/** Money as written by people: yuan with at most two decimals, converted to integer cents without floats. */
export const yuanToCents = z.pipe(
  z.string().check(z.regex(/^\d{1,12}(\.\d{1,2})?$/, '金额应为元，最多两位小数，例如 12000.00')),
  z.transform((text: string) => {
    const [whole, fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  }),
);

export const optionalText = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined) => (value === undefined || value === '' ? null : value)),
);

export const isoDateColumn = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

/** Runs `work` over `items` a few at a time, reporting progress for long imports. */
export async function forEachWithProgress<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  progress: (done: number, total: number) => void,
  concurrency = 8,
): Promise<void> {
  let done = 0;
  const step = Math.max(1, Math.floor(items.length / 20));
  await mapConcurrently(items, concurrency, async (item) => {
    await work(item);
    done++;
    if (done % step === 0 || done === items.length) progress(done, items.length);
  });
}
