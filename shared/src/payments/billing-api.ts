/**
 * The billing system's debit-instruction API as we documented it (docs/payments.md, "The billing
 * system's debit API"): signed like its debit results — HMAC-SHA256 of
 * `${timestamp}.${nonce}.${raw body}` in the `x-billing-*` headers (BILLING_HEADERS) — with the
 * instruction's idempotency key in its header and its body.
 */
export const BILLING_DEBIT_INSTRUCTIONS_PATH = '/v1/debit-instructions';

/**
 * Headers of the billing system's signed requests, both directions: its debit results to us (the
 * IVR's scheme: HMAC-SHA256 of `${timestamp}.${nonce}.${raw body}`) and our debit instructions.
 */
export const BILLING_HEADERS = {
  timestamp: 'x-billing-timestamp',
  nonce: 'x-billing-nonce',
  signature: 'x-billing-signature',
} as const;

/** A debit instruction's body, as the billing system receives it. */
export interface BillingDebitInstructionBody {
  reference: string;
  idempotencyKey: string;
  /** Integer cents: interest first, then principal (the breakdown below). */
  amountCents: number;
  currency: 'CNY';
  breakdown: { interestCents: number; principalCents: number };
  /** The policy's renewal account on file (the account holder is the policyholder). */
  account: { holderName: string; bankName: string; accountNumber: string };
  purpose: 'loan_repayment';
  policyNo: string;
  applicationId: string;
}
