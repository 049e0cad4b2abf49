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

/** The holder pays an application awaiting payment: an open order is reused, else a new one made. */
export const createRepaymentPaymentRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/payment',
  auth: 'user',
  response: responds<typeof PaymentOrderViewSchema>(),
} as const satisfies RouteSpec;

/** After `wx.requestPayment` returns: asks WeChat Pay and settles a paid order now. */
export const queryRepaymentPaymentRoute = {
  method: 'POST',
  path: '/payments/{outTradeNo}/query',
  auth: 'user',
  response: responds<typeof PaymentOrderViewSchema>(),
} as const satisfies RouteSpec;

/** WeChat Pay's payment notification: signed by its platform key, the resource encrypted. */
export const receiveWechatPayNotificationRoute = {
  method: 'POST',
  path: '/payments/wechat-pay/notifications',
  auth: 'public',
} as const satisfies RouteSpec;

/** Local stage only (404 elsewhere): the sandbox pays or fails an order on demand. */
export const settleSandboxPaymentRoute = {
  method: 'POST',
  path: '/payments/sandbox/{outTradeNo}',
  auth: 'user',
  request: SandboxPaymentRequestSchema,
  response: responds<typeof PaymentOrderViewSchema>(),
} as const satisfies RouteSpec;

/**
 * The holder repays by debiting the policy's renewal account (续期账户扣款) instead of WeChat Pay:
 * a debit instruction to the billing system; its result comes on `POST /billing/debit-results`.
 */
export const createRepaymentDebitRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/debit',
  auth: 'user',
  response: responds<typeof RepaymentDebitViewSchema>(),
} as const satisfies RouteSpec;

/** Local stage only (404 elsewhere): the billing sandbox succeeds or fails a debit on demand. */
export const settleSandboxDebitRoute = {
  method: 'POST',
  path: '/payments/debit-sandbox/{reference}',
  auth: 'user',
  request: SandboxDebitRequestSchema,
  response: responds<typeof SandboxDebitAnswerSchema>(),
} as const satisfies RouteSpec;

/** The finance system's result of a payout instruction: signed (HMAC, timestamp, one-time nonce). */
export const receivePayoutResultRoute = {
  method: 'POST',
  path: '/payouts/results',
  auth: 'public',
  request: PayoutResultSchema,
  response: responds<typeof PayoutResultAnswerSchema>(),
} as const satisfies RouteSpec;

/** The holder's own other account after a failed payout: the instruction issued again. */
export const changePayoutAccountRoute = {
  method: 'POST',
  path: '/endorsements/{applicationId}/payout-account',
  auth: 'user',
  request: ChangePayoutAccountRequestSchema,
  response: responds<typeof PayoutViewSchema>(),
} as const satisfies RouteSpec;

/** 「付款对账」: finance staff (the duty) of a branch subtree — payouts with no result in time. */
export const listPayoutReconciliationRoute = {
  method: 'GET',
  path: '/staff/payouts/reconciliation',
  auth: 'user',
  response: responds<typeof ReconciliationResponseSchema>(),
} as const satisfies RouteSpec;

/** Local stage only (404 elsewhere): the finance sandbox reports a payout's result on demand. */
export const settleSandboxPayoutRoute = {
  method: 'POST',
  path: '/payouts/sandbox/{reference}',
  auth: 'user',
  request: SandboxPayoutRequestSchema,
  response: responds<typeof PayoutViewSchema>(),
} as const satisfies RouteSpec;

/**
 * Payments (收款; docs/payments.md): WeChat Pay JSAPI orders for loan repayments, WeChat Pay's
 * notifications, the order query that closes out a late notification, and the local sandbox; the
 * renewal-account debit (续期账户扣款) as the other way to repay, and its local billing sandbox;
 * payouts (付款): the finance system's signed results, another account after a failure, the
 * reconciliation list for finance staff, and the local finance sandbox.
 */
export const paymentRoutes = {
  createRepaymentPayment: createRepaymentPaymentRoute,
  queryRepaymentPayment: queryRepaymentPaymentRoute,
  receiveWechatPayNotification: receiveWechatPayNotificationRoute,
  settleSandboxPayment: settleSandboxPaymentRoute,
  createRepaymentDebit: createRepaymentDebitRoute,
  settleSandboxDebit: settleSandboxDebitRoute,
  receivePayoutResult: receivePayoutResultRoute,
  changePayoutAccount: changePayoutAccountRoute,
  listPayoutReconciliation: listPayoutReconciliationRoute,
  settleSandboxPayout: settleSandboxPayoutRoute,
} as const satisfies Record<string, RouteSpec>;
