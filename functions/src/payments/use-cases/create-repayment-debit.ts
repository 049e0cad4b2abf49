import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ApplicationDebit } from '@zhixiang/shared/endorsement/model';
import { debitSummary } from '@zhixiang/shared/endorsement/view';
import type { RepaymentDebitView } from '@zhixiang/shared/payments/schemas';
import type { RepaymentCollections } from '@zhixiang/shared/ports/repayment-collections';

/**
 * The holder chooses to repay by debiting the policy's renewal account (续期账户扣款) instead of
 * WeChat Pay: the endorsement engine writes, in one transaction, the application 扣款中 and the
 * debit instruction on the money outbox, which delivers it to the billing system. A repeat of the
 * request while the debit is in progress answers the same debit.
 */
export async function createRepaymentDebit(
  deps: { collections: Pick<RepaymentCollections, 'requestDebit'>; sandbox: boolean },
  input: { claims: AccessClaims; applicationId: string; sourceIp: string | null; userAgent: string | null },
): Promise<RepaymentDebitView> {
  const debit = await deps.collections.requestDebit(input);
  return toDebitView(input.applicationId, debit, deps.sandbox);
}

export function toDebitView(
  applicationId: string,
  debit: ApplicationDebit,
  sandbox: boolean,
): RepaymentDebitView {
  return { applicationId, ...debitSummary(debit, sandbox) };
}
