import type { PayoutInstructionRecord } from './payout-instructions';

/**
 * The insurer's finance system as payouts see it (docs/payments.md, "The finance system's API"):
 * one call, the payment instruction, sent with its idempotency key so a repeat pays nothing twice.
 */
export interface FinancePayouts {
  /**
   * Hands the instruction over. Resolves once finance accepted it (a repeat of the same key is
   * accepted again); throws `FinanceError` otherwise — `retryable` false when sending it again
   * cannot help (refused as malformed, or the key used for another instruction).
   */
  instruct(instruction: PayoutInstructionRecord): Promise<{ financeReference: string | null }>;
}

export class FinanceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FinanceError';
  }
}
