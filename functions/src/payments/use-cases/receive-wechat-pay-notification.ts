import { AppError } from '@zhixiang/shared/errors';
import { applyPaymentReport } from './apply-payment-report';
import type { PaymentDeps } from './payment-deps';

export const NOTIFICATION_REFUSED_MESSAGE = '支付通知验签失败';
export const UNKNOWN_ORDER_MESSAGE = '支付通知的商户订单号不存在';

/**
 * WeChat Pay's payment notification: the signature checked against WeChat Pay's public key and
 * the timestamp within 5 minutes (an old notification replayed is refused: 401), the resource
 * decrypted with the APIv3 key, then the transaction applied to its order through the state
 * machine. An unknown order number or another amount is refused (400) and changes nothing; a
 * repeat of a notification already applied changes nothing and answers 204, so WeChat Pay stops
 * resending it.
 */
export async function receiveWechatPayNotification(
  deps: PaymentDeps,
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<void> {
  const wechatPay = await deps.wechatPay();
  let notification: ReturnType<typeof wechatPay.openNotification>;
  try {
    notification = wechatPay.openNotification(headers, rawBody);
  } catch (error) {
    throw new AppError('UNAUTHENTICATED', NOTIFICATION_REFUSED_MESSAGE, {
      cause: error,
      logMessage: `WeChat Pay notification refused: ${(error as Error).message}`,
    });
  }
  const { transaction } = notification;
  const order = await deps.orders.get(transaction.outTradeNo);
  if (!order)
    throw new AppError('VALIDATION_FAILED', UNKNOWN_ORDER_MESSAGE, {
      logMessage: `WeChat Pay notification ${notification.id} for unknown order ${transaction.outTradeNo}`,
    });
  if (transaction.payerOpenid && transaction.payerOpenid !== order.payerOpenid)
    throw new AppError('VALIDATION_FAILED', '支付通知的付款人与支付单不符', {
      logMessage: `WeChat Pay notification ${notification.id} paid by another openid`,
    });
  await applyPaymentReport(deps, order, {
    kind: 'transaction',
    tradeState: transaction.tradeState,
    amountCents: transaction.amountCents,
    transactionId: transaction.transactionId,
  });
}
