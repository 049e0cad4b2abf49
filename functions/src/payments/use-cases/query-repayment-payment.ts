import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import { applyPaymentReport } from './apply-payment-report';
import {
  loadOwnOrder,
  type PaymentDeps,
  toPaymentView,
  WECHAT_PAY_UNAVAILABLE_MESSAGE,
} from './payment-deps';

/**
 * After `wx.requestPayment` returns, the mini program asks: the order is queried at WeChat Pay and
 * a payment the notification has not brought yet is applied now (the same state machine, so a
 * notification arriving at the same moment changes the state once).
 */
export async function queryRepaymentPayment(
  deps: PaymentDeps,
  claims: AccessClaims,
  outTradeNo: string,
): Promise<PaymentOrderView> {
  const order = await loadOwnOrder(deps, claims.customerId, outTradeNo);
  const wechatPay = await deps.wechatPay();
  if (order.status !== 'pending') return toPaymentView(order, { sandbox: deps.sandbox });
  const transaction = await wechatPay.queryOrder(outTradeNo).catch((error: unknown) => {
    throw new AppError('UPSTREAM_FAILED', WECHAT_PAY_UNAVAILABLE_MESSAGE, {
      cause: error,
      logMessage: `WeChat Pay query of ${outTradeNo} failed: ${(error as Error).message}`,
    });
  });
  const after = transaction
    ? await applyPaymentReport(deps, order, {
        kind: 'transaction',
        tradeState: transaction.tradeState,
        amountCents: transaction.amountCents,
        transactionId: transaction.transactionId,
      })
    : order;
  return toPaymentView(after, {
    sandbox: deps.sandbox,
    requestPayment:
      after.status === 'pending' && after.prepayId ? wechatPay.requestPaymentParams(after.prepayId) : null,
  });
}
