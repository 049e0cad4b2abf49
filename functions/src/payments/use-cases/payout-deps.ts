import type { Logger } from '@aws-lambda-powertools/logger';
import { maskName } from '@zhixiang/shared/callback/view';
import type { BusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { ApplicationPayout } from '@zhixiang/shared/endorsement/model';
import { PAYOUT_STATUS_LABELS } from '@zhixiang/shared/payments/payout';
import type { PayoutView } from '@zhixiang/shared/payments/schemas';
import type { BillingDebits } from '@zhixiang/shared/ports/billing-debits';
import type { FinancePayouts } from '@zhixiang/shared/ports/finance-payouts';
import type {
  PayoutInstructionRecord,
  PayoutInstructionRepository,
} from '@zhixiang/shared/ports/payout-instructions';
import type { PayoutSettlements } from '@zhixiang/shared/ports/payout-settlements';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';

/** What the payout use cases need from the composition root (payments/wiring.ts). */
export interface PayoutDeps {
  instructions: PayoutInstructionRepository;
  settlements: PayoutSettlements;
  /** The finance system's client (its secret read on first use), or the local sandbox. */
  finance: () => Promise<FinancePayouts>;
  /** The billing system's client for repayment debits (续期账户扣款), or the local sandbox. */
  billing: () => Promise<BillingDebits>;
  users: Pick<UserAccountRepository, 'get'>;
  /** The complaints context's business calendar (工作日历). */
  businessCalendar: BusinessCalendar;
  /** Business days a payout may wait for its result before reconciliation lists it. */
  resultBusinessDays: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => number;
}

export const PAYOUT_NOT_FOUND_MESSAGE = '未找到该付款指令';
export const DEBIT_NOT_FOUND_MESSAGE = '未找到该扣款指令';

/** An instruction as log lines name it: the payee and account masked, never the plaintext. */
export function describeInstruction(instruction: PayoutInstructionRecord): Record<string, unknown> {
  return {
    reference: instruction.reference,
    direction: instruction.direction ?? 'payout',
    applicationId: instruction.applicationId,
    amountCents: instruction.amountCents,
    payee: maskName(instruction.payeeName),
    account: `${instruction.account.bankName} ${maskBankAccount(instruction.account.accountNumber)}`,
  };
}

export function toPayoutView(applicationId: string, payout: ApplicationPayout): PayoutView {
  return {
    applicationId,
    reference: payout.reference,
    amountCents: payout.amountCents,
    status: payout.status,
    statusLabel: PAYOUT_STATUS_LABELS[payout.status],
    bankName: payout.bankName,
    accountMasked: payout.accountMasked,
  };
}
