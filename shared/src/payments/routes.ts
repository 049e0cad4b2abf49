import { type RouteSpec, responds } from '../api/route-spec';
import {
  ChangePayoutAccountRequestSchema,
  type PaymentOrderViewSchema,
  type PayoutResultAnswerSchema,
  PayoutResultSchema,
  type PayoutViewSchema,
  type ReconciliationResponseSchema,
  type RepaymentDebitViewSchema,
  type SandboxDebitAnswerSchema,
  SandboxDebitRequestSchema,
  SandboxPaymentRequestSchema,
  SandboxPayoutRequestSchema,
} from './schemas';

/**
 * Payments (收款; docs/payments.md): WeChat Pay JSAPI orders for loan repayments, WeChat Pay's
 * notifications, the order query that closes out a late notification, and the local sandbox; the
 * renewal-account debit (续期账户扣款) as the other way to repay, and its local billing sandbox;
 * payouts (付款): the finance system's signed results, another account after a failure, the
 * reconciliation list for finance staff, and the local finance sandbox.
 */
export const paymentRoutes = {
  /** The holder pays an application awaiting payment: an open order is reused, else a new one made. */
  createRepaymentPayment: {
    method: 'POST',
    path: '/endorsements/{applicationId}/payment',
    auth: 'user',
    response: responds<typeof PaymentOrderViewSchema>(),
  },
  /** After `wx.requestPayment` returns: asks WeChat Pay and settles a paid order now. */
  queryRepaymentPayment: {
    method: 'POST',
    path: '/payments/{outTradeNo}/query',
    auth: 'user',
    response: responds<typeof PaymentOrderViewSchema>(),
  },
  /** WeChat Pay's payment notification: signed by its platform key, the resource encrypted. */
  receiveWechatPayNotification: {
    method: 'POST',
    path: '/payments/wechat-pay/notifications',
    auth: 'public',
  },
  /** Local stage only (404 elsewhere): the sandbox pays or fails an order on demand. */
  settleSandboxPayment: {
    method: 'POST',
    path: '/payments/sandbox/{outTradeNo}',
    auth: 'user',
    request: SandboxPaymentRequestSchema,
    response: responds<typeof PaymentOrderViewSchema>(),
  },
  /**
   * The holder repays by debiting the policy's renewal account (续期账户扣款) instead of WeChat Pay:
   * a debit instruction to the billing system; its result comes on `POST /billing/debit-results`.
   */
  createRepaymentDebit: {
    method: 'POST',
    path: '/endorsements/{applicationId}/debit',
    auth: 'user',
    response: responds<typeof RepaymentDebitViewSchema>(),
  },
  /** Local stage only (404 elsewhere): the billing sandbox succeeds or fails a debit on demand. */
  settleSandboxDebit: {
    method: 'POST',
    path: '/payments/debit-sandbox/{reference}',
    auth: 'user',
    request: SandboxDebitRequestSchema,
    response: responds<typeof SandboxDebitAnswerSchema>(),
  },
  /** The finance system's result of a payout instruction: signed (HMAC, timestamp, one-time nonce). */
  receivePayoutResult: {
    method: 'POST',
    path: '/payouts/results',
    auth: 'public',
    request: PayoutResultSchema,
    response: responds<typeof PayoutResultAnswerSchema>(),
  },
  /** The holder's own other account after a failed payout: the instruction issued again. */
  changePayoutAccount: {
    method: 'POST',
    path: '/endorsements/{applicationId}/payout-account',
    auth: 'user',
    request: ChangePayoutAccountRequestSchema,
    response: responds<typeof PayoutViewSchema>(),
  },
  /** 「付款对账」: finance staff (the duty) of a branch subtree — payouts with no result in time. */
  listPayoutReconciliation: {
    method: 'GET',
    path: '/staff/payouts/reconciliation',
    auth: 'user',
    response: responds<typeof ReconciliationResponseSchema>(),
  },
  /** Local stage only (404 elsewhere): the finance sandbox reports a payout's result on demand. */
  settleSandboxPayout: {
    method: 'POST',
    path: '/payouts/sandbox/{reference}',
    auth: 'user',
    request: SandboxPayoutRequestSchema,
    response: responds<typeof PayoutViewSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
