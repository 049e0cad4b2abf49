import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PaymentOrderView, SandboxPaymentRequest } from '@zhixiang/shared/payments/schemas';
import { loadOwnOrder, type PaymentDeps, toPaymentView } from './payment-deps';
import { queryRepaymentPayment } from './query-repayment-payment';

/**
 * The local 「微信支付沙箱」 page (the route exists on the local stage only): the holder pays or
 * fails their own open order on demand. Paid: the sandbox posts WeChat Pay's signed, encrypted
 * notification to the real notification route, which applies it. Failed: the order is PAYERROR
 * at the sandbox, and the query the mini program makes after `wx.requestPayment` closes it here —
 * the application stays 待支付, to pay again.
 */
export async function settleSandboxPayment(
  deps: PaymentDeps & {
    settleInSandbox: (outTradeNo: string, outcome: 'paid' | 'failed') => Promise<number | null>;
  },
  claims: AccessClaims,
  outTradeNo: string,
  request: SandboxPaymentRequest,
): Promise<PaymentOrderView> {
  const order = await loadOwnOrder(deps, claims.customerId, outTradeNo);
  if (order.status !== 'pending') return toPaymentView(order, { sandbox: deps.sandbox });
  const answered = await deps.settleInSandbox(outTradeNo, request.outcome);
  if (answered !== null && (answered < 200 || answered > 299))
    throw new AppError('UPSTREAM_FAILED', `支付通知未被受理（HTTP ${answered}）`);
  return queryRepaymentPayment(deps, claims, outTradeNo);
}
