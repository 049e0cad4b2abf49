import type { TradeState } from '../ports/wechat-pay';

/**
 * The one state machine of a collection order (a WeChat Pay JSAPI order for a loan repayment):
 *
 *   pending ─paid (SUCCESS, the exact amount)→ paid
 *   pending ─closed (expired unpaid, PAYERROR, CLOSED, REVOKED)→ closed
 *   closed  ─paid (WeChat Pay took the money before our close reached it)→ paid
 *
 * Paid is final: a second report of the same transaction changes nothing, and a report of another
 * amount is refused whatever the state. A pure function: the use cases ask it before every
 * conditional write, so two reports racing each other write the one transition once.
 */
export const PAYMENT_STATUSES = ['pending', 'paid', 'closed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: '待支付',
  paid: '已支付',
  closed: '已关闭',
};

/** What we learnt about an order: WeChat Pay's report (notification or query), or our expiry. */
export type PaymentReport =
  | {
      kind: 'transaction';
      tradeState: TradeState;
      amountCents: number;
      transactionId: string | null;
    }
  | { kind: 'expired' };

export interface PaymentOrderState {
  status: PaymentStatus;
  amountCents: number;
  /** WeChat Pay's transaction id once paid. */
  transactionId: string | null;
}

export type PaymentDecision =
  /** Write this transition (conditional on `from`). */
  | { outcome: 'transition'; from: PaymentStatus; to: PaymentStatus }
  /** Nothing to write: the report repeats what is stored, or says the order is still open. */
  | { outcome: 'unchanged' }
  /** A report that must not be believed: the reason is for the log and the refusal. */
  | { outcome: 'refused'; reason: 'amount_mismatch' | 'paid_twice' | 'unpaid_without_state' };

/** The decision for one report on one order; never throws. */
export function decidePayment(order: PaymentOrderState, report: PaymentReport): PaymentDecision {
  if (report.kind === 'expired') {
    return order.status === 'pending' ? { outcome: 'transition', from: 'pending', to: 'closed' } : unchanged;
  }
  if (report.tradeState === 'SUCCESS') {
    if (report.amountCents !== order.amountCents) return { outcome: 'refused', reason: 'amount_mismatch' };
    if (!report.transactionId) return { outcome: 'refused', reason: 'unpaid_without_state' };
    if (order.status === 'paid')
      return order.transactionId === report.transactionId
        ? unchanged
        : { outcome: 'refused', reason: 'paid_twice' };
    return { outcome: 'transition', from: order.status, to: 'paid' };
  }
  if (CLOSING_STATES.includes(report.tradeState))
    return order.status === 'pending' ? { outcome: 'transition', from: 'pending', to: 'closed' } : unchanged;
  // NOTPAY, USERPAYING, REFUND (a refund is handled by finance, not by this machine).
  return unchanged;
}

const unchanged: PaymentDecision = { outcome: 'unchanged' };
const CLOSING_STATES: readonly TradeState[] = ['CLOSED', 'REVOKED', 'PAYERROR'];

/** The order after a decision, as the conditional writes leave it (what the property tests replay). */
export function applyPaymentDecision(
  order: PaymentOrderState,
  decision: PaymentDecision,
  transactionId: string | null,
): PaymentOrderState {
  if (decision.outcome !== 'transition') return order;
  return decision.to === 'paid'
    ? { ...order, status: 'paid', transactionId }
    : { ...order, status: 'closed' };
}
