import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import type { PaymentOrderRecord } from '@zhixiang/shared/ports/payment-orders';
import { newMoneyReference } from './money-reference';
import {
  ORDER_OPEN_MS,
  type PaymentDeps,
  toPaymentView,
  WECHAT_PAY_UNAVAILABLE_MESSAGE,
} from './payment-deps';

export const NO_OPENID_MESSAGE = '请在微信小程序中登录后再支付';

/**
 * The holder pays a repayment awaiting its money. An open order (pending, not expired) is handed
 * out again with fresh `wx.requestPayment` parameters, so a second tap never makes a second order.
 * Otherwise a new order: stored pending first (so WeChat Pay's notification always finds it),
 * then made at WeChat Pay for exactly the amount due in cents, then recorded on the application in
 * a transaction conditional on the version the amount was quoted at — of two taps at once, one
 * order is recorded and the other is closed at WeChat Pay again (409).
 */
export async function createRepaymentPayment(
  deps: PaymentDeps,
  claims: AccessClaims,
  applicationId: string,
): Promise<PaymentOrderView> {
  const due = await deps.collections.dueFor(claims, applicationId);
  const now = deps.now();
  const wechatPay = await deps.wechatPay();
  if (due.openOrder && due.openOrder.expiresAt > now) {
    const open = await deps.orders.get(due.openOrder.outTradeNo);
    if (open?.status === 'pending' && open.prepayId && open.amountCents === due.amountCents)
      return toPaymentView(open, {
        sandbox: deps.sandbox,
        requestPayment: wechatPay.requestPaymentParams(open.prepayId),
      });
  }
  // The open order is past its expiry (or quoted for another day): closed before a new one is made,
  // so two payable orders never stand side by side. If WeChat Pay refuses (paid meanwhile), it is
  // left for its notification or the expiry job's query.
  if (due.openOrder) await closeSuperseded(deps, wechatPay, due.openOrder.outTradeNo);
  const user = await deps.users.get(claims.sub);
  // WeChat Pay charges the openid that signed in through WeChat. The local sandbox charges no one:
  // a demo account (no openid) pays there under a stand-in payer named after the account.
  const payerOpenid = user?.openid ?? (deps.sandbox ? `sandbox-payer-${claims.sub}` : null);
  if (!payerOpenid) throw new AppError('CONFLICT', NO_OPENID_MESSAGE, { field: 'openid' });
  if (!deps.notifyUrl)
    throw new AppError('INTERNAL', undefined, { logMessage: 'WECHAT_PAY_NOTIFY_URL is not set' });

  const order: PaymentOrderRecord = {
    outTradeNo: newMoneyReference('RP', now),
    applicationId,
    customerId: due.holderCustomerId,
    payerOpenid,
    amountCents: due.amountCents,
    quotedOn: due.quotedOn,
    description: `保单贷款还款-${due.policyNo}`,
    status: 'pending',
    prepayId: null,
    transactionId: null,
    createdAt: now,
    orderExpiresAt: now + ORDER_OPEN_MS,
    paidAt: null,
    closedAt: null,
  };
  if (!(await deps.orders.create(order))) throw new AppError('CONFLICT', '支付单号重复，请重试');
  let prepayId: string;
  try {
    ({ prepayId } = await wechatPay.createJsapiOrder({
      outTradeNo: order.outTradeNo,
      description: order.description,
      amountCents: order.amountCents,
      payerOpenid: order.payerOpenid,
      expiresAt: order.orderExpiresAt,
      notifyUrl: deps.notifyUrl,
    }));
  } catch (error) {
    await deps.orders.transition(order.outTradeNo, 'pending', 'closed', { at: deps.now() });
    throw new AppError('UPSTREAM_FAILED', WECHAT_PAY_UNAVAILABLE_MESSAGE, {
      cause: error,
      logMessage: `WeChat Pay order ${order.outTradeNo} not made: ${(error as Error).message}`,
    });
  }
  await deps.orders.setPrepayId(order.outTradeNo, prepayId);
  try {
    await deps.collections.orderOpened(
      due,
      { outTradeNo: order.outTradeNo, expiresAt: order.orderExpiresAt },
      now,
    );
  } catch (error) {
    // Another order was recorded first: this one is closed at WeChat Pay and here, never paid.
    await wechatPay.closeOrder(order.outTradeNo).catch(() => undefined);
    await deps.orders.transition(order.outTradeNo, 'pending', 'closed', { at: deps.now() });
    throw error;
  }
  return toPaymentView(
    { ...order, prepayId },
    { sandbox: deps.sandbox, requestPayment: wechatPay.requestPaymentParams(prepayId) },
  );
}

async function closeSuperseded(
  deps: PaymentDeps,
  wechatPay: Awaited<ReturnType<PaymentDeps['wechatPay']>>,
  outTradeNo: string,
): Promise<void> {
  const order = await deps.orders.get(outTradeNo);
  if (order?.status !== 'pending') return;
  try {
    await wechatPay.closeOrder(outTradeNo);
    await deps.orders.transition(outTradeNo, 'pending', 'closed', { at: deps.now() });
  } catch (error) {
    deps.logger.warn('superseded payment order not closed', { outTradeNo, error });
  }
}
