import type { PayoutInstructionRecord } from './payout-instructions';

/**
 * The billing system as repayment debits see it (docs/payments.md, "The billing system's debit
 * API"): one call, the debit instruction, sent with its idempotency key so a repeat debits nothing
 * twice. Failures are `FinanceError`s (the outbox's one error of a signed money request):
 * `retryable` false when sending it again cannot help.
 */
export interface BillingDebits {
  instructDebit(instruction: PayoutInstructionRecord): Promise<{ billingReference: string | null }>;
}
