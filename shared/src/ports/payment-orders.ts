import type { PaymentStatus } from '../payments/state-machine';

/** One WeChat Pay order we made (a loan repayment's collection). Amounts in integer cents. */
export interface PaymentOrderRecord {
  outTradeNo: string;
  applicationId: string;
  /** The holder who pays (only they may query or pay it). */
  customerId: string;
  payerOpenid: string;
  amountCents: number;
  /** The Shanghai date the amount was quoted for (the repayment settles on it). */
  quotedOn: string;
  description: string;
  status: PaymentStatus;
  /** WeChat Pay's prepay id, once the order exists there. */
  prepayId: string | null;
  transactionId: string | null;
  createdAt: number;
  /** Epoch ms after which the order closes unpaid. */
  orderExpiresAt: number;
  paidAt: number | null;
  closedAt: number | null;
}

export interface PaymentOrderRepository {
  /** A new pending order; false if the number exists already. */
  create(order: PaymentOrderRecord): Promise<boolean>;
  get(outTradeNo: string): Promise<PaymentOrderRecord | null>;
  setPrepayId(outTradeNo: string, prepayId: string): Promise<void>;
  /**
   * The state machine's transition, conditional on the stored status still being `from`: true for
   * the one writer that made it, false when another report got there first.
   */
  transition(
    outTradeNo: string,
    from: PaymentStatus,
    to: PaymentStatus,
    fields: { at: number; transactionId?: string | null },
  ): Promise<boolean>;
  /** Pending orders whose expiry has passed, oldest expiry first (a sparse index, no Scan). */
  listExpiredPending(now: number, limit: number): Promise<PaymentOrderRecord[]>;
}
