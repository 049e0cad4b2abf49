import type { AccessClaims } from '../auth/schemas';
import type { ApplicationDebit, ApplicationPayment } from '../endorsement/model';
import type { PayoutInstructionRecord } from './payout-instructions';

/**
 * What the payments context asks of the endorsement engine about a repayment awaiting its money
 * (functions/src/endorsements/wiring-payments.ts): the amount due, the open order, and the
 * transitions money makes — each one version-checked transaction on the application.
 */
export interface RepaymentDue {
  applicationId: string;
  policyNo: string;
  holderCustomerId: string;
  /** Integer cents due today (interest first, then principal). */
  amountCents: number;
  /** The Shanghai date the amount is quoted for. */
  quotedOn: string;
  openOrder: ApplicationPayment['openOrder'];
  /** The application's version the quote was read at. */
  version: number;
}

export type PaidOutcome =
  /** This payment made the repayment effective now. */
  | 'applied'
  /** This payment had already made it effective (a repeated report). */
  | 'already'
  /** The application is no longer awaiting this payment (paid by another order, or changed): finance refunds it. */
  | 'not_awaiting';

export interface RepaymentCollections {
  /**
   * The repayment the signed-in holder may pay: theirs (404 otherwise, as any application),
   * awaiting payment (409 otherwise), the amount quoted again for today.
   */
  dueFor(claims: AccessClaims, applicationId: string): Promise<RepaymentDue>;
  /** Records the new open order on the application (409 when it changed since `version`). */
  orderOpened(due: RepaymentDue, order: { outTradeNo: string; expiresAt: number }, at: number): Promise<void>;
  /** A payment WeChat Pay confirmed: the repayment takes effect, at most once. */
  paid(input: {
    applicationId: string;
    outTradeNo: string;
    transactionId: string;
    amountCents: number;
    quotedOn: string;
    paidAt: number;
  }): Promise<PaidOutcome>;
  /** An order closed unpaid (expired or failed): the application stays 待支付, to pay again. */
  orderClosed(input: {
    applicationId: string;
    outTradeNo: string;
    reason: 'expired' | 'failed';
    at: number;
  }): Promise<void>;
  /**
   * The holder chooses the renewal-account debit (续期账户扣款): the policy must have a renewal
   * account (409 otherwise), no WeChat Pay order open and no debit in progress (409; a debit in
   * progress is answered as it is). One transaction: the application 扣款中 with its audit event
   * and the `debit.requested` domain event, and the debit instruction on the outbox.
   */
  requestDebit(input: {
    claims: AccessClaims;
    applicationId: string;
    sourceIp: string | null;
    userAgent: string | null;
  }): Promise<ApplicationDebit>;
  /**
   * The billing system's result of the application's current debit: success → the repayment takes
   * effect as a payment does (once); failure → back to 待支付 with the reason. One transaction with
   * the instruction's own conditional change. 'already' when it had been applied.
   */
  debitSettled(input: {
    instruction: PayoutInstructionRecord;
    outcome: 'success' | 'failure';
    reason: string | null;
    resultId: string;
    at: number;
  }): Promise<'applied' | 'already' | 'not_awaiting'>;
}
