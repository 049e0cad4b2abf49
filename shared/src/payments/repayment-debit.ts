/**
 * Repaying a policy loan by debiting the policy's renewal account (续期账户扣款) through the
 * billing system, as the alternative to WeChat Pay (docs/payments.md, "Renewal-account debit").
 *
 * A repayment awaiting its money (待支付) is paid by exactly one channel. The one state machine of
 * the channel, a pure function the endorsement engine asks before every version-checked write:
 *
 *   awaiting ─open_order→ awaiting (a WeChat Pay order open)    ─order_closed→ awaiting
 *   awaiting ─request_debit (no open order)→ debiting (扣款中)
 *   debiting ─debit_failed (a reason)→ awaiting (the failure kept, to pay by WeChat Pay or debit again)
 *   debiting ─debit_succeeded→ paid by debit (final)
 *   awaiting ─order_paid→ paid by WeChat Pay (final)
 *
 * While a debit is in progress no WeChat Pay order is made, and while an order is open no debit is
 * requested; a paid repayment takes nothing more (a repeat of its own payment is `already`).
 */
export const DEBIT_REFERENCE_PATTERN = /^RD\d{8}[A-Z0-9]{12}$/;

export const DEBIT_STATUSES = ['pending', 'paid', 'failed'] as const;
export type DebitStatus = (typeof DEBIT_STATUSES)[number];
export const DEBIT_STATUS_LABELS: Record<DebitStatus, string> = {
  pending: '扣款中',
  paid: '扣款成功',
  failed: '扣款失败',
};

/** What the billing system reports of a debit instruction. */
export const DEBIT_OUTCOMES = ['success', 'failure'] as const;
export type DebitOutcome = (typeof DEBIT_OUTCOMES)[number];

/** Said on the repayment screen: how long the billing system usually takes. */
export const DEBIT_TIMING_TEXT = '续期账户扣款通常在 1 个工作日内完成，扣款结果将通过微信或短信通知您';

export const REPAYMENT_CHANNELS = ['wechat_pay', 'debit'] as const;
export type RepaymentChannel = (typeof REPAYMENT_CHANNELS)[number];

export interface RepaymentChannelState {
  /** Paid, by which channel and under which reference (the order number or the debit reference). */
  paid: { channel: RepaymentChannel; reference: string } | null;
  /** The WeChat Pay order open on the application, if any. */
  openOrder: string | null;
  /** The debit instruction in progress, if any. */
  debiting: string | null;
}

export type RepaymentChannelEvent =
  | { kind: 'open_order'; reference: string }
  | { kind: 'order_closed'; reference: string }
  | { kind: 'order_paid'; reference: string }
  | { kind: 'request_debit'; reference: string }
  | { kind: 'debit_succeeded'; reference: string }
  | { kind: 'debit_failed'; reference: string };

export type RepaymentChannelDecision =
  | { kind: 'move'; to: RepaymentChannelState }
  /** This event was applied already (a repeat): nothing to write. */
  | { kind: 'already' }
  /** Not now: the message says why (Chinese, for the customer or the caller). */
  | { kind: 'refuse'; message: string };

export const DEBIT_IN_PROGRESS_MESSAGE = '续期账户扣款进行中，请等待扣款结果；扣款失败后可改用微信支付';
export const ORDER_OPEN_MESSAGE = '已有未关闭的微信支付单，请完成支付，或待支付单关闭后再选择续期账户扣款';
export const REPAYMENT_PAID_MESSAGE = '该还款已支付，无需再次支付';
export const DEBIT_NOT_CURRENT_MESSAGE = '该扣款指令已不是申请当前的扣款指令';

export function decideRepaymentChannel(
  state: RepaymentChannelState,
  event: RepaymentChannelEvent,
): RepaymentChannelDecision {
  const refuse = (message: string): RepaymentChannelDecision => ({ kind: 'refuse', message });
  const settledBy = (channel: RepaymentChannel) =>
    state.paid?.channel === channel && state.paid.reference === event.reference;
  switch (event.kind) {
    case 'open_order':
      if (state.paid) return refuse(REPAYMENT_PAID_MESSAGE);
      if (state.debiting) return refuse(DEBIT_IN_PROGRESS_MESSAGE);
      return { kind: 'move', to: { ...state, openOrder: event.reference } };
    case 'order_closed':
      if (state.openOrder !== event.reference) return { kind: 'already' };
      return { kind: 'move', to: { ...state, openOrder: null } };
    case 'order_paid':
      if (settledBy('wechat_pay')) return { kind: 'already' };
      if (state.paid || state.debiting)
        return refuse(state.paid ? REPAYMENT_PAID_MESSAGE : DEBIT_IN_PROGRESS_MESSAGE);
      return {
        kind: 'move',
        to: { paid: { channel: 'wechat_pay', reference: event.reference }, openOrder: null, debiting: null },
      };
    case 'request_debit':
      if (state.paid) return refuse(REPAYMENT_PAID_MESSAGE);
      if (state.debiting)
        return state.debiting === event.reference ? { kind: 'already' } : refuse(DEBIT_IN_PROGRESS_MESSAGE);
      if (state.openOrder) return refuse(ORDER_OPEN_MESSAGE);
      return { kind: 'move', to: { ...state, debiting: event.reference } };
    case 'debit_succeeded':
      if (settledBy('debit')) return { kind: 'already' };
      if (state.debiting !== event.reference)
        return refuse(state.paid ? REPAYMENT_PAID_MESSAGE : DEBIT_NOT_CURRENT_MESSAGE);
      return {
        kind: 'move',
        to: { paid: { channel: 'debit', reference: event.reference }, openOrder: null, debiting: null },
      };
    case 'debit_failed':
      if (state.debiting !== event.reference) return { kind: 'already' };
      return { kind: 'move', to: { ...state, debiting: null } };
  }
}
