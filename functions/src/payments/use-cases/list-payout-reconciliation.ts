import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { ENDORSEMENT_TYPE_LABELS } from '@zhixiang/shared/endorsement/types';
import { AppError } from '@zhixiang/shared/errors';
import type { ReconciliationResponse } from '@zhixiang/shared/payments/schemas';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import type { PayoutDeps } from './payout-deps';

export const FINANCE_DUTY_MESSAGE = '付款对账仅限财务人员查看';

/**
 * 「付款对账」: the payouts of the caller's branch subtree listed by the daily reconciliation (no
 * result within the business days allowed), oldest first, payee and account masked. Staff with
 * the finance duty only (their account's duties), or an admin (every branch).
 */
export async function listPayoutReconciliation(
  deps: Pick<PayoutDeps, 'instructions' | 'users' | 'resultBusinessDays'>,
  claims: AccessClaims,
): Promise<ReconciliationResponse> {
  const branchPath = await financeBranchOf(deps, claims);
  const overdue = await deps.instructions.listOverdue(branchPath);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    resultBusinessDays: deps.resultBusinessDays,
    items: overdue.map((i) => ({
      reference: i.reference,
      applicationId: i.applicationId,
      policyNo: i.policyNo,
      endorsementType: i.endorsementType,
      endorsementTypeLabel: ENDORSEMENT_TYPE_LABELS[i.endorsementType],
      branchPath: i.branchPath,
      payeeMasked: maskName(i.payeeName),
      bankName: i.account.bankName,
      accountMasked: maskBankAccount(i.account.accountNumber),
      amountCents: i.amountCents,
      instructedAt: iso(i.createdAt),
      deliveredAt: i.deliveredAt === null ? null : iso(i.deliveredAt),
      attempts: i.attempts,
      lastError: i.lastError,
      overdueSince: iso(i.overdueSince ?? i.createdAt),
    })),
  };
}

/** The branch subtree a finance user reconciles: theirs (the account's duty), or null (all) for an admin. */
async function financeBranchOf(
  deps: Pick<PayoutDeps, 'users'>,
  claims: AccessClaims,
): Promise<string | null> {
  if (claims.role === 'admin') return null;
  const account = claims.role === 'staff' ? await deps.users.get(claims.sub) : null;
  if (!account?.duties?.includes('finance') || !account.branchPath)
    throw new AppError('FORBIDDEN', FINANCE_DUTY_MESSAGE, {
      logMessage: `${claims.sub} (${claims.role}) has no finance duty`,
    });
  return account.branchPath;
}
