import { AppError } from '@zhixiang/shared/errors';
import { decidePayment, type PaymentReport } from '@zhixiang/shared/payments/state-machine';
import type { PaymentOrderRecord } from '@zhixiang/shared/ports/payment-orders';
import type { PaymentDeps } from './payment-deps';

export const AMOUNT_MISMATCH_MESSAGE = '支付金额与支付单金额不符';

/**
 * One report about one order — WeChat Pay's notification, an order query, the sandbox, or our own
 * expiry — through the state machine, then written once:
 * - paid: the repayment takes effect first (one transaction on the application, which records the
 *   payment, so a repeat finds it applied), then the order is marked paid conditionally. A crash
 *   between the two leaves the order pending; the next report or the expiry job's query finds the
 *   application already applied and finishes the order.
 * - closed: the order is closed conditionally (only the writer that closed it tells the
 *   application), and the application stays 待支付 to pay again.
 * A report the machine refuses (another amount, a second transaction) changes nothing and is 400.
 */
export async function applyPaymentReport(
  deps: Pick<PaymentDeps, 'orders' | 'collections' | 'logger' | 'now'>,
  order: PaymentOrderRecord,
  report: PaymentReport,
): Promise<PaymentOrderRecord> {
  const decision = decidePayment(order, report);
  const now = deps.now();
  if (decision.outcome === 'refused') {
    deps.logger.error('payment report refused', {
      outTradeNo: order.outTradeNo,
      reason: decision.reason,
      orderCents: order.amountCents,
      reportedCents: report.kind === 'transaction' ? report.amountCents : null,
    });
    throw new AppError(
      'VALIDATION_FAILED',
      decision.reason === 'amount_mismatch' ? AMOUNT_MISMATCH_MESSAGE : '支付结果与支付单不符',
      { logMessage: `payment ${order.outTradeNo} report refused: ${decision.reason}` },
    );
  }
  // A paid order reported again: make sure its effect is there (a crash may have come between).
  const settling =
    (decision.outcome === 'transition' && decision.to === 'paid') ||
    (decision.outcome === 'unchanged' && order.status === 'paid');
  if (settling && report.kind === 'transaction' && report.transactionId) {
    const outcome = await deps.collections.paid({
      applicationId: order.applicationId,
      outTradeNo: order.outTradeNo,
      transactionId: report.transactionId,
      amountCents: report.amountCents,
      quotedOn: order.quotedOn,
      paidAt: order.paidAt ?? now,
    });
    if (outcome === 'not_awaiting')
      deps.logger.error('payment received for an application no longer awaiting it: refund by finance', {
        outTradeNo: order.outTradeNo,
        applicationId: order.applicationId,
        amountCents: report.amountCents,
      });
    if (decision.outcome === 'transition') {
      await deps.orders.transition(order.outTradeNo, decision.from, 'paid', {
        at: now,
        transactionId: report.transactionId,
      });
    }
  } else if (decision.outcome === 'transition' && decision.to === 'closed') {
    const closed = await deps.orders.transition(order.outTradeNo, decision.from, 'closed', { at: now });
    if (closed)
      await deps.collections.orderClosed({
        applicationId: order.applicationId,
        outTradeNo: order.outTradeNo,
        reason: report.kind === 'expired' ? 'expired' : 'failed',
        at: now,
      });
  }
  return (await deps.orders.get(order.outTradeNo)) ?? order;
}
