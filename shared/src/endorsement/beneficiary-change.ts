import { checkIdNumber } from '../identity/id-number';
import type { BeneficiaryRecord } from '../policy/model';
import { accept, type RuleProblem, type RuleResult, refuse } from './rule-result';

/**
 * Beneficiary change (受益人变更), 保险法 Art. 39–42: beneficiaries in orders (顺位 1, 2, …); within
 * each order the shares (basis points of 10000) sum to exactly 100%. The insured cannot be their
 * own death beneficiary (the benefit is paid because they died; their estate inherits when no
 * beneficiary is named, Art. 42). When the holder is not the insured, the insured must consent
 * (Art. 41) — identity verification and signature of the insured before submission.
 */
export const BENEFICIARY_RELATIONS = [
  '配偶',
  '子女',
  '父母',
  '祖父母',
  '外祖父母',
  '孙子女',
  '外孙子女',
  '兄弟姐妹',
  '其他',
] as const;
export type BeneficiaryRelation = (typeof BENEFICIARY_RELATIONS)[number];

export const FULL_SHARE_BASIS_POINTS = 10_000;
export const MAX_BENEFICIARIES = 10;

export interface BeneficiaryInput {
  name: string;
  relation: string;
  order: number;
  shareBasisPoints: number;
  idNumber: string;
}

export interface BeneficiaryChangeContext {
  holderId: string;
  insuredId: string;
  insuredIdNumber: string;
  current: readonly BeneficiaryRecord[];
  today: string;
}

export interface BeneficiaryChangeOutcome {
  before: BeneficiaryRecord[];
  after: BeneficiaryRecord[];
  insuredConsentRequired: boolean;
}

export function checkBeneficiaryChange(
  requested: readonly BeneficiaryInput[],
  ctx: BeneficiaryChangeContext,
): RuleResult<BeneficiaryChangeOutcome> {
  if (requested.length === 0)
    return refuse([
      { field: 'beneficiaries', message: '请至少指定一位受益人；不指定时保险金按法定继承办理' },
    ]);
  if (requested.length > MAX_BENEFICIARIES)
    return refuse([{ field: 'beneficiaries', message: `受益人最多 ${MAX_BENEFICIARIES} 位` }]);

  const problems: RuleProblem[] = [];
  const after: BeneficiaryRecord[] = [];
  const seenIds = new Map<string, number>();
  const insuredId = ctx.insuredIdNumber.trim().toUpperCase();

  requested.forEach((b, i) => {
    const at = (field: string) => `beneficiaries[${i}].${field}`;
    const name = b.name.trim().replace(/\s+/g, ' ');
    const nameLength = [...name].length;
    if (nameLength < 2 || nameLength > 30)
      problems.push({ field: at('name'), message: `第 ${i + 1} 位受益人的姓名应为 2–30 个字` });
    if (!(BENEFICIARY_RELATIONS as readonly string[]).includes(b.relation))
      problems.push({
        field: at('relation'),
        message: `第 ${i + 1} 位受益人与被保险人的关系请从列表中选择（${BENEFICIARY_RELATIONS.join('、')}）`,
      });
    if (!Number.isInteger(b.order) || b.order < 1)
      problems.push({ field: at('order'), message: `第 ${i + 1} 位受益人的受益顺位应为 1 或以上的整数` });
    if (
      !Number.isInteger(b.shareBasisPoints) ||
      b.shareBasisPoints < 1 ||
      b.shareBasisPoints > FULL_SHARE_BASIS_POINTS
    )
      problems.push({
        field: at('shareBasisPoints'),
        message: `第 ${i + 1} 位受益人的受益比例应在 0.01% 至 100% 之间`,
      });

    const id = checkIdNumber(b.idNumber, ctx.today);
    if (!id.ok) problems.push({ field: at('idNumber'), message: `第 ${i + 1} 位受益人：${id.message}` });
    else if (id.normalized === insuredId)
      problems.push({ field: at('idNumber'), message: '被保险人本人不能作为身故保险金受益人' });
    else if (seenIds.has(id.normalized))
      problems.push({
        field: at('idNumber'),
        message: `第 ${i + 1} 位与第 ${(seenIds.get(id.normalized) ?? 0) + 1} 位受益人的身份证号码相同`,
      });
    if (id.ok) seenIds.set(id.normalized, seenIds.get(id.normalized) ?? i);

    after.push({
      name,
      relation: b.relation,
      order: b.order,
      shareBasisPoints: b.shareBasisPoints,
      idNumber: id.ok ? id.normalized : b.idNumber,
    });
  });
  if (problems.length > 0) return refuse(problems);

  problems.push(...orderProblems(after));
  if (problems.length > 0) return refuse(problems);

  after.sort((a, b) => a.order - b.order || b.shareBasisPoints - a.shareBasisPoints);
  return accept({
    before: [...ctx.current],
    after,
    insuredConsentRequired: ctx.holderId !== ctx.insuredId,
  });
}

/** Orders run 1, 2, … without gaps, and each order's shares sum to exactly 10000 bp. */
function orderProblems(beneficiaries: readonly BeneficiaryRecord[]): RuleProblem[] {
  const sums = new Map<number, number>();
  for (const b of beneficiaries) sums.set(b.order, (sums.get(b.order) ?? 0) + b.shareBasisPoints);
  const orders = [...sums.keys()].sort((a, b) => a - b);
  const problems: RuleProblem[] = [];
  const missing = orders.findIndex((order, i) => order !== i + 1);
  if (missing >= 0)
    problems.push({
      field: 'beneficiaries',
      message: `受益顺位应从第 1 顺位起连续排列，缺少第 ${missing + 1} 顺位`,
    });
  for (const order of orders) {
    const sum = sums.get(order) ?? 0;
    if (sum !== FULL_SHARE_BASIS_POINTS)
      problems.push({
        field: 'beneficiaries',
        message: `第 ${order} 顺位受益人的受益比例合计为 ${formatShare(sum)}，应为 100%`,
      });
  }
  return problems;
}

/** 2500 → "25%", 3333 → "33.33%". */
export function formatShare(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? `${whole}%` : `${whole}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}%`;
}

/**
 * Splits an amount in cents by shares (any positive integer weights, e.g. basis points) with the
 * largest-remainder method: each part gets its floor, then the leftover cents go one each to the
 * largest remainders (ties to the earlier beneficiary). The parts always sum exactly to the amount.
 */
export function splitCentsByShares(amountCents: number, shares: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0)
    throw new RangeError('amountCents must be a non-negative integer');
  if (shares.length === 0 || shares.some((s) => !Number.isInteger(s) || s < 0))
    throw new RangeError('shares must be non-negative integers');
  const total = shares.reduce((a, s) => a + BigInt(s), 0n);
  if (total === 0n) throw new RangeError('shares must not all be zero');
  const amount = BigInt(amountCents);
  const parts = shares.map((s) => (amount * BigInt(s)) / total);
  let leftover = amount - parts.reduce((a, p) => a + p, 0n);
  const byRemainder = shares
    .map((s, index) => ({ index, remainder: (amount * BigInt(s)) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map(Number);
}
