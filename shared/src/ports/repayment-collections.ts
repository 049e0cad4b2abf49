import type { AccessClaims } from '../auth/schemas';
import type { ApplicationPayment } from '../endorsement/model';

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
}
