/**
 * The finance system's payout API as we documented it (docs/payments.md, "The finance system's
 * API"): the headers both directions sign with — HMAC-SHA256 of `${timestamp}.${nonce}.${raw body}`,
 * the billing system's debit-results scheme — and the path of an instruction.
 */
export const FINANCE_HEADERS = {
  timestamp: 'x-finance-timestamp',
  nonce: 'x-finance-nonce',
  signature: 'x-finance-signature',
} as const;

/** The instruction's idempotency key travels in this header (and in the body). */
export const FINANCE_IDEMPOTENCY_HEADER = 'idempotency-key';

export const FINANCE_INSTRUCTIONS_PATH = '/v1/payout-instructions';

/** An instruction's body, as the finance system receives it. */
export interface FinanceInstructionBody {
  reference: string;
  idempotencyKey: string;
  /** Integer cents. */
  amountCents: number;
  currency: 'CNY';
  payee: { name: string; bankName: string; accountNumber: string };
  /** What the money is for: the endorsement type. */
  purpose: string;
  policyNo: string;
  applicationId: string;
}
