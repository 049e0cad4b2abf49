import { isRealDate } from '@zhixiang/shared/format/dates';
import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import type {
  BeneficiaryRecord,
  CustomerRecord,
  PolicyRecord,
  ProductRecord,
} from '@zhixiang/shared/policy/model';
import { DIVIDEND_OPTIONS, POLICY_STATUSES, PREMIUM_FREQUENCIES } from '@zhixiang/shared/policy/schemas';
import * as z from 'zod/mini';
import { emptyTally, writeIfChanged } from '../../src/seed/write-if-changed';
import {
  type CsvRow,
  describeIssue,
  forEachWithProgress,
  ImportRejected,
  isoDateColumn,
  optionalText,
  type RowProblem,
  yuanToCents,
} from './csv-rows';
import type { ImportDeps, ImportReport } from './import-customers';

export const POLICY_COLUMNS = [
  'policyNo',
  'productCode',
  'status',
  'holderId',
  'insuredId',
  'sumAssured',
  'premium',
  'premiumFrequency',
  'effectiveDate',
  'receiptDate',
  'nextDueDate',
  'bankName',
  'accountNumber',
  'cashValue',
  'accumulatedDividends',
  'dividendOption',
  'loanPrincipal',
  'loanStartDate',
  'loanDueDate',
  'beneficiaries',
] as const;

/** The columns a policies file must have; the others may be left out of the header. */
export const REQUIRED_POLICY_COLUMNS = [
  'policyNo',
  'productCode',
  'holderId',
  'insuredId',
  'sumAssured',
  'premium',
  'premiumFrequency',
  'effectiveDate',
  'receiptDate',
  'cashValue',
] as const satisfies readonly (typeof POLICY_COLUMNS)[number][];

const optionalCents = z.pipe(
  optionalText,
  z.transform((value: string | null, ctx) => {
    if (value === null) return null;
    const parsed = yuanToCents.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.issues.push({ code: 'custom', message: '金额应为元，最多两位小数，例如 12000.00', input: value });
    return z.NEVER;
  }),
);
const optionalDate = z.pipe(
  optionalText,
  z.transform((value: string | null, ctx) => {
    if (value === null || isRealDate(value)) return value;
    ctx.issues.push({ code: 'custom', message: '日期格式应为 YYYY-MM-DD 且是真实日期', input: value });
    return z.NEVER;
  }),
);

const PolicyRowSchema = z.object({
  policyNo: z.string().check(z.regex(/^[0-9A-Za-z]{6,32}$/, '保单号应为 6–32 位数字或字母')),
  productCode: z.string().check(z.minLength(1, '险种代码不能为空')),
  status: z._default(z.enum(POLICY_STATUSES, `保单状态应为 ${POLICY_STATUSES.join(' / ')}`), 'in_force'),
  holderId: z.string().check(z.minLength(1, '投保人客户编号不能为空')),
  insuredId: z.string().check(z.minLength(1, '被保险人客户编号不能为空')),
  sumAssured: yuanToCents,
  premium: yuanToCents,
  premiumFrequency: z.enum(PREMIUM_FREQUENCIES, `缴费方式应为 ${PREMIUM_FREQUENCIES.join(' / ')}`),
  effectiveDate: isoDateColumn.check(z.refine(isRealDate, '生效日期不是真实日期')),
  receiptDate: isoDateColumn.check(z.refine(isRealDate, '回执签收日期不是真实日期')),
  nextDueDate: optionalDate,
  bankName: optionalText,
  accountNumber: z.pipe(
    optionalText,
    z.transform((value: string | null, ctx) => {
      if (value === null) return null;
      const digits = value.replace(/\s+/g, '');
      if (/^\d{12,19}$/.test(digits)) return digits;
      ctx.issues.push({ code: 'custom', message: '银行账号应为 12–19 位数字', input: value });
      return z.NEVER;
    }),
  ),
  cashValue: yuanToCents,
  accumulatedDividends: optionalCents,
  dividendOption: z.pipe(
    optionalText,
    z.transform((value: string | null, ctx) => {
      if (value === null || (DIVIDEND_OPTIONS as readonly string[]).includes(value))
        return value as PolicyRecord['dividendOption'];
      ctx.issues.push({
        code: 'custom',
        message: `红利领取方式应为 ${DIVIDEND_OPTIONS.join(' / ')}`,
        input: value,
      });
      return z.NEVER;
    }),
  ),
  loanPrincipal: optionalCents,
  loanStartDate: optionalDate,
  loanDueDate: optionalDate,
  beneficiaries: optionalText,
});
type PolicyRow = z.infer<typeof PolicyRowSchema>;

/**
 * Beneficiaries in one cell: `姓名|关系|顺位|份额%|身份证号`, several separated by `;`, e.g.
 * `李娜|配偶|1|100|310115198007210224`. Shares within each order must add up to 100%.
 */
export function parseBeneficiaries(
  cell: string | null,
  today: string,
): { ok: true; value: BeneficiaryRecord[] } | { ok: false; reason: string } {
  if (!cell) return { ok: true, value: [] };
  const value: BeneficiaryRecord[] = [];
  for (const [i, part] of cell
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .entries()) {
    const fields = part.split('|').map((f) => f.trim());
    const [name, relation, order, share, idNumber] = fields;
    const which = `第 ${i + 1} 位受益人`;
    if (fields.length !== 5 || !name || !relation || !order || !share || !idNumber)
      return { ok: false, reason: `beneficiaries：${which}应写成 姓名|关系|顺位|份额%|身份证号` };
    if (!/^[1-9]$/.test(order)) return { ok: false, reason: `beneficiaries：${which}的顺位应为 1–9` };
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(share) || Number(share) <= 0 || Number(share) > 100)
      return { ok: false, reason: `beneficiaries：${which}的份额应在 0–100 之间` };
    const id = checkIdNumber(idNumber, today);
    if (!id.ok) return { ok: false, reason: `beneficiaries：${which}的${id.message}` };
    value.push({
      name,
      relation,
      order: Number(order),
      shareBasisPoints: Math.round(Number(share) * 100),
      idNumber: id.normalized,
    });
  }
  const totals = new Map<number, number>();
  for (const b of value) totals.set(b.order, (totals.get(b.order) ?? 0) + b.shareBasisPoints);
  for (const [order, total] of totals) {
    if (total !== 10_000)
      return {
        ok: false,
        reason: `beneficiaries：第 ${order} 顺位受益人的份额合计应为 100%，现为 ${total / 100}%`,
      };
  }
  return { ok: true, value };
}

function crossCheck(r: PolicyRow, product: ProductRecord): string | null {
  if (r.receiptDate < r.effectiveDate) return 'receiptDate：回执签收日期不能早于生效日期';
  if ((r.bankName === null) !== (r.accountNumber === null))
    return 'bankName / accountNumber：续期银行和账号须同时填写或同时留空';
  const loanParts = [r.loanPrincipal, r.loanStartDate, r.loanDueDate].filter((v) => v !== null).length;
  if (loanParts !== 0 && loanParts !== 3)
    return 'loanPrincipal / loanStartDate / loanDueDate：保单贷款的本金、起息日和到期日须同时填写';
  if (r.loanStartDate && r.loanDueDate && r.loanDueDate <= r.loanStartDate)
    return 'loanDueDate：贷款到期日应晚于起息日';
  if (r.loanPrincipal !== null && product.loanableRatioBasisPoints === 0)
    return `loanPrincipal：险种 ${product.productCode} 不能办理保单贷款`;
  if ((r.dividendOption !== null || r.accumulatedDividends !== null) && !product.participating)
    return `dividendOption：险种 ${product.productCode} 不是分红险，不能填写红利`;
  if (r.premiumFrequency === 'single' && r.nextDueDate) return 'nextDueDate：趸交保单没有下期缴费日';
  return null;
}

export async function validatePolicyRows(
  rows: CsvRow[],
  deps: ImportDeps,
): Promise<{ policies: PolicyRecord[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const policies: PolicyRecord[] = [];
  const seen = new Map<string, number>();
  const products = new Map<string, Promise<ProductRecord | null>>();
  const customers = new Map<string, Promise<CustomerRecord | null>>();
  const product = (code: string) => {
    if (!products.has(code)) products.set(code, deps.repositories.products.get(code));
    return products.get(code) as Promise<ProductRecord | null>;
  };
  const customer = (id: string) => {
    if (!customers.has(id)) customers.set(id, deps.repositories.customers.get(id));
    return customers.get(id) as Promise<CustomerRecord | null>;
  };

  for (const row of rows) {
    const parsed = PolicyRowSchema.safeParse(row.values);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: describeIssue(parsed.error) });
      continue;
    }
    const r = parsed.data;
    const earlier = seen.get(r.policyNo);
    if (earlier) {
      problems.push({ line: row.line, reason: `保单号 ${r.policyNo} 与第 ${earlier} 行重复` });
      continue;
    }
    seen.set(r.policyNo, row.line);
    const [p, holder, insured] = await Promise.all([
      product(r.productCode),
      customer(r.holderId),
      customer(r.insuredId),
    ]);
    const missing = [
      !p && `险种代码 ${r.productCode} 不存在`,
      !holder && `投保人 ${r.holderId} 不存在（请先导入客户）`,
      !insured && `被保险人 ${r.insuredId} 不存在（请先导入客户）`,
    ].filter(Boolean);
    if (missing.length > 0 || !p || !holder || !insured) {
      problems.push({ line: row.line, reason: missing.join('；') });
      continue;
    }
    const crossProblem = crossCheck(r, p);
    if (crossProblem) {
      problems.push({ line: row.line, reason: crossProblem });
      continue;
    }
    const beneficiaries = parseBeneficiaries(r.beneficiaries, deps.today);
    if (!beneficiaries.ok) {
      problems.push({ line: row.line, reason: beneficiaries.reason });
      continue;
    }
    policies.push({
      policyNo: r.policyNo,
      productCode: p.productCode,
      status: r.status,
      holderId: holder.customerId,
      insuredId: insured.customerId,
      beneficiaries: beneficiaries.value,
      sumAssuredCents: r.sumAssured,
      premiumCents: r.premium,
      premiumFrequency: r.premiumFrequency,
      effectiveDate: r.effectiveDate,
      receiptDate: r.receiptDate,
      nextDueDate: r.nextDueDate,
      renewalAccount:
        r.bankName && r.accountNumber ? { bankName: r.bankName, accountNumber: r.accountNumber } : null,
      cashValueCents: r.cashValue,
      accumulatedDividendsCents: r.accumulatedDividends,
      dividendOption: r.dividendOption,
      loan:
        r.loanPrincipal !== null && r.loanStartDate && r.loanDueDate
          ? {
              principalCents: r.loanPrincipal,
              annualRateBasisPoints: p.loanAnnualRateBasisPoints,
              startDate: r.loanStartDate,
              dueDate: r.loanDueDate,
            }
          : null,
      // The policy is serviced where its holder is, by the holder's agent.
      branchId: holder.branchId,
      branchPath: holder.branchPath,
      agentId: holder.agentId,
      version: 0,
    });
  }
  return { policies, problems };
}

/** Imports policies (customers first). Unchanged policies are not written, so their version stays. */
export async function importPolicies(file: string, rows: CsvRow[], deps: ImportDeps): Promise<ImportReport> {
  const { policies, problems } = await validatePolicyRows(rows, deps);
  if (problems.length > 0) throw new ImportRejected(file, problems);
  const tally = emptyTally();
  await forEachWithProgress(
    policies,
    async (policy) => {
      const outcome = await writeIfChanged<PolicyRecord>(policy, {
        load: () => deps.repositories.policies.get(policy.policyNo),
        save: (desired, existing) =>
          deps.repositories.policies.put({ ...desired, version: existing?.version ?? 0 }),
        ignore: ['version'],
      });
      tally[outcome]++;
    },
    deps.progress ?? (() => {}),
  );
  // Every policy of the file re-keys its pre-debit notice (due date, premium, holder, status), the
  // unchanged ones too: a re-import after an import that stopped halfway leaves none unkeyed.
  await deps.notifyOn.index.refreshPolicies(policies, deps.notifyOn.now());
  return { rows: rows.length, ...tally };
}
