import type { PaymentOrderRecord } from '@zhixiang/shared/ports/payment-orders';
import { applyPaymentReport } from './apply-payment-report';
import type { PaymentDeps } from './payment-deps';

/** Orders looked at per run (every 5 minutes); the rest wait for the next run. */
const BATCH = 100;

/**
 * The scheduled job: every pending order past its expiry is asked at WeChat Pay first — a
 * payment whose notification never came is applied (the order query closes it out) — and
 * otherwise closed there and here; the application returns to 待支付 with the closing in its
 * timeline, to be paid again. One order's failure does not stop the others.
 */
export async function closeExpiredPayments(
  deps: PaymentDeps,
): Promise<{ looked: number; paid: number; closed: number; failed: number }> {
  const expired = await deps.orders.listExpiredPending(deps.now(), BATCH);
  const tally = { looked: expired.length, paid: 0, closed: 0, failed: 0 };
  if (expired.length === 0) return tally;
  const wechatPay = await deps.wechatPay();
  for (const order of expired) {
    try {
      const after = await closeOne(deps, wechatPay, order);
      if (after.status === 'paid') tally.paid += 1;
      else if (after.status === 'closed') tally.closed += 1;
    } catch (error) {
      tally.failed += 1;
      deps.logger.error('expired payment not closed', { outTradeNo: order.outTradeNo, error });
    }
  }
  return tally;
}

async function closeOne(
  deps: PaymentDeps,
  wechatPay: Awaited<ReturnType<PaymentDeps['wechatPay']>>,
  order: PaymentOrderRecord,
): Promise<PaymentOrderRecord> {
  const transaction = await wechatPay.queryOrder(order.outTradeNo);
  if (transaction?.tradeState === 'SUCCESS')
    return applyPaymentReport(deps, order, {
      kind: 'transaction',
      tradeState: transaction.tradeState,
      amountCents: transaction.amountCents,
      transactionId: transaction.transactionId,
    });
  if (transaction) await wechatPay.closeOrder(order.outTradeNo);
  return applyPaymentReport(deps, order, { kind: 'expired' });
}
