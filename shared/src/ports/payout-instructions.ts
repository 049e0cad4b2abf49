import type { EndorsementType } from '../endorsement/types';
import type { PayoutInstructionStatus, PayoutOutcome } from '../payments/payout';

/**
 * A payment instruction to the insurer's finance system (docs/payments.md, "Payouts"): who is paid,
 * into which account, how much, under which reference and idempotency key. Written in the same
 * transaction as the effect that owes the money (the endorsement engine's commit), delivered by
 * the payout outbox's consumer, settled by the finance system's signed result.
 */
export interface PayoutInstructionRecord {
  /**
   * `PO` + the Shanghai date + 12 letters and digits: the finance system quotes it in its result
   * (`RD…` for a debit instruction, quoted by the billing system).
   */
  reference: string;
  /**
   * Which way the money goes: a payout to the customer through the finance system (absent on
   * items written before debits existed), or a repayment debited from the policy's renewal account
   * through the billing system (续期账户扣款). Both share the outbox, the result's state machine
   * (paid = debited) and the reconciliation.
   */
  direction?: 'payout' | 'debit';
  /** A debit's amount split as the repayment rule settles it: interest first, then principal. */
  breakdown?: { interestCents: number; principalCents: number };
  /** A new one per instruction: the finance system pays one key at most once. */
  idempotencyKey: string;
  applicationId: string;
  policyNo: string;
  endorsementType: EndorsementType;
  holderId: string;
  /** The policy's branch: finance staff of this subtree reconcile it. */
  branchPath: string;
  /** The account holder: the policyholder themself (masked in logs); a debit's payer. */
  payeeName: string;
  /** Plaintext here; ciphertext at rest (the field cipher), masked in every response. */
  account: { bankName: string; accountNumber: string };
  /** Integer cents. */
  amountCents: number;
  status: PayoutInstructionStatus;
  createdAt: number;
  /** Delivery to the finance system (the outbox): when it was accepted, or the attempts so far. */
  deliveredAt: number | null;
  attempts: number;
  lastError: string | null;
  result: PayoutResultRecord | null;
  /** Set by the daily reconciliation when no result came within the business days allowed. */
  overdueSince: number | null;
}

export interface PayoutResultRecord {
  outcome: PayoutOutcome;
  /** The finance system's or the bank's reason (failed, returned); null when paid. */
  reason: string | null;
  /** The finance system's own reference of the transfer, when it gives one. */
  financeReference: string | null;
  at: number;
}

/** What a commit of the endorsement engine does to payout instructions, in its transaction. */
export type PayoutInstructionChange =
  /** A new instruction, pending and due for delivery now. */
  | { kind: 'issue'; instruction: PayoutInstructionRecord }
  /**
   * A result: only if the instruction is still in the status it was read in (pending; or paid,
   * for a bank return after the transfer).
   */
  | {
      kind: 'settle';
      reference: string;
      from: 'pending' | 'paid';
      to: 'paid' | 'failed';
      result: PayoutResultRecord;
    }
  /** A failed instruction replaced by a new one (another account): only if still failed. */
  | { kind: 'supersede'; reference: string; at: number };

export interface PayoutInstructionRepository {
  get(reference: string): Promise<PayoutInstructionRecord | null>;
  /** Pending instructions not yet accepted by finance whose next attempt is due, oldest first. */
  listDue(now: number, limit: number): Promise<PayoutInstructionRecord[]>;
  /** Accepted by finance: leaves the delivery outbox (false when already delivered). */
  markDelivered(reference: string, at: number): Promise<boolean>;
  /** A failed delivery: counted, with its reason and the next attempt (null: no more retries). */
  recordDeliveryFailure(reference: string, reason: string, nextAttemptAt: number | null): Promise<void>;
  /** Pending instructions created before `before` (awaiting a result), oldest first. */
  listAwaitingResult(before: number, limit: number): Promise<PayoutInstructionRecord[]>;
  /** Puts a pending instruction on the reconciliation list of its branch (once). */
  markOverdue(reference: string, at: number): Promise<boolean>;
  /** The reconciliation list of a branch subtree (null: every branch): pending instructions overdue, oldest first. */
  listOverdue(branchPath: string | null): Promise<PayoutInstructionRecord[]>;
  /** The finance system's one-time nonce (signed results): false when seen before. */
  claimResultNonce(nonce: string, expiresAt: number): Promise<boolean>;
}
