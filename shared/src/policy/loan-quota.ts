import { accruedLoanInterestCents } from './loan-interest';
import type { LoanRecord, PolicyRecord, ProductRecord } from './model';

/**
 * How much more a policy can be borrowed against (保单贷款可贷金额), PRODUCT.md: loanable ratio ×
 * cash value − the outstanding loan (principal and the interest accrued to `today`). Never
 * negative; the ratio's share is rounded down to the cent so the quota never exceeds the rule.
 */
export function loanQuotaCents(input: {
  cashValueCents: number;
  loanableRatioBasisPoints: number;
  outstandingPrincipalCents: number;
  accruedInterestCents: number;
}): number {
  const lendable = (BigInt(input.cashValueCents) * BigInt(input.loanableRatioBasisPoints)) / 10_000n;
  const quota = lendable - BigInt(input.outstandingPrincipalCents) - BigInt(input.accruedInterestCents);
  return quota > 0n ? Number(quota) : 0;
}

export interface PolicyLoanPosition {
  /** What may still be borrowed today; 0 when the policy cannot be borrowed against. */
  quotaCents: number;
  outstandingPrincipalCents: number;
  accruedInterestCents: number;
  loan: LoanRecord | null;
  /** Why nothing can be borrowed, when that is so (Chinese, for the customer). */
  unavailableReason: string | null;
}

/** The loan rule applied to a stored policy: only an in-force policy with a loanable product and cash value. */
export function policyLoanPosition(
  policy: Pick<PolicyRecord, 'status' | 'cashValueCents' | 'loan'>,
  product: Pick<ProductRecord, 'loanableRatioBasisPoints'>,
  today: string,
): PolicyLoanPosition {
  const outstandingPrincipalCents = policy.loan?.principalCents ?? 0;
  const accruedInterestCents = policy.loan ? accruedLoanInterestCents(policy.loan, today) : 0;
  const base = { outstandingPrincipalCents, accruedInterestCents, loan: policy.loan };
  if (policy.status !== 'in_force')
    return { ...base, quotaCents: 0, unavailableReason: '保单当前不是有效状态' };
  if (product.loanableRatioBasisPoints <= 0)
    return { ...base, quotaCents: 0, unavailableReason: '该产品不支持保单贷款' };
  if (policy.cashValueCents <= 0) return { ...base, quotaCents: 0, unavailableReason: '保单暂无现金价值' };
  const quotaCents = loanQuotaCents({
    cashValueCents: policy.cashValueCents,
    loanableRatioBasisPoints: product.loanableRatioBasisPoints,
    outstandingPrincipalCents,
    accruedInterestCents,
  });
  return { ...base, quotaCents, unavailableReason: quotaCents === 0 ? '已贷金额达到可贷上限' : null };
}
