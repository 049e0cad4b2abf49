import * as z from 'zod/mini';
import { PAYMENT_STATUSES } from './state-machine';

/** Our order number: `RP` + the Shanghai date + 12 letters and digits (WeChat Pay allows 6–32). */
export const OUT_TRADE_NO_PATTERN = /^RP\d{8}[A-Z0-9]{12}$/;

export const PaymentNumberPathSchema = z.object({
  outTradeNo: z.string().check(z.regex(OUT_TRADE_NO_PATTERN, '支付单号格式不正确')),
});

export const SandboxPaymentRequestSchema = z.strictObject({
  outcome: z.enum(['paid', 'failed'], '请选择支付成功或支付失败'),
});
export type SandboxPaymentRequest = z.infer<typeof SandboxPaymentRequestSchema>;

/** What `wx.requestPayment` takes, signed by the server (signType RSA). */
export const RequestPaymentSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});

export const PaymentOrderViewSchema = z.object({
  outTradeNo: z.string(),
  applicationId: z.string(),
  /** Integer cents, exactly what WeChat Pay charges. */
  amountCents: z.int(),
  status: z.enum(PAYMENT_STATUSES),
  statusLabel: z.string(),
  /** ISO 8601: after this the order closes unpaid and a new one can be made. */
  expiresAt: z.string(),
  paidAt: z.nullable(z.string()),
  /** The parameters of `wx.requestPayment` while the order is open; null otherwise. */
  requestPayment: z.nullable(RequestPaymentSchema),
  /** The local stage pays in the WeChat Pay sandbox page instead of WeChat. */
  sandbox: z.boolean(),
});
export type PaymentOrderView = z.infer<typeof PaymentOrderViewSchema>;
