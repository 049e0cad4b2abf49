import type { RouteSpec } from '../api/route-spec';
import { PaymentOrderViewSchema, SandboxPaymentRequestSchema } from './schemas';

/**
 * Payments (收款; docs/payments.md): WeChat Pay JSAPI orders for loan repayments, WeChat Pay's
 * notifications, the order query that closes out a late notification, and the local sandbox.
 */
export const paymentRoutes = {
  /** The holder pays an application awaiting payment: an open order is reused, else a new one made. */
  createRepaymentPayment: {
    method: 'POST',
    path: '/endorsements/{applicationId}/payment',
    auth: 'user',
    response: PaymentOrderViewSchema,
  },
  /** After `wx.requestPayment` returns: asks WeChat Pay and settles a paid order now. */
  queryRepaymentPayment: {
    method: 'POST',
    path: '/payments/{outTradeNo}/query',
    auth: 'user',
    response: PaymentOrderViewSchema,
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
    response: PaymentOrderViewSchema,
  },
} as const satisfies Record<string, RouteSpec>;
