import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '@zhixiang/shared/errors';
import type { PaymentOrderView } from '@zhixiang/shared/payments/schemas';
import { PAYMENT_STATUS_LABELS } from '@zhixiang/shared/payments/state-machine';
import type { PaymentOrderRecord, PaymentOrderRepository } from '@zhixiang/shared/ports/payment-orders';
import type { RepaymentCollections } from '@zhixiang/shared/ports/repayment-collections';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import type { WechatPay } from '@zhixiang/shared/ports/wechat-pay';

/** What the payment use cases need from the composition root (payments/wiring.ts). */
export interface PaymentDeps {
  orders: PaymentOrderRepository;
  collections: RepaymentCollections;
  /** WeChat Pay (its merchant secret read on first use), or the local sandbox. */
  wechatPay: () => Promise<WechatPay>;
  users: Pick<UserAccountRepository, 'get'>;
  /** Where WeChat Pay posts notifications; null refuses to make orders (a deploy sets it). */
  notifyUrl: string | null;
  /** The local sandbox pays instead of WeChat (the page 「微信支付沙箱」). */
  sandbox: boolean;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => number;
}

/** An order is open this long; WeChat Pay closes it at the same time (`time_expire`). */
export const ORDER_OPEN_MS = 15 * 60_000;

export const PAYMENT_NOT_FOUND_MESSAGE = '未找到该支付单';
export const WECHAT_PAY_UNAVAILABLE_MESSAGE = '微信支付暂时不可用，请稍后重试';

/** The holder's own order, or 404 (another customer learns nothing about it). */
export async function loadOwnOrder(
  deps: Pick<PaymentDeps, 'orders'>,
  customerId: string | undefined,
  outTradeNo: string,
): Promise<PaymentOrderRecord> {
  const order = await deps.orders.get(outTradeNo);
  if (!order || !customerId || order.customerId !== customerId)
    throw new AppError('NOT_FOUND', PAYMENT_NOT_FOUND_MESSAGE, {
      logMessage: `payment ${outTradeNo} not found or not the caller's`,
    });
  return order;
}

export function toPaymentView(
  order: PaymentOrderRecord,
  options: { sandbox: boolean; requestPayment?: PaymentOrderView['requestPayment'] },
): PaymentOrderView {
  return {
    outTradeNo: order.outTradeNo,
    applicationId: order.applicationId,
    amountCents: order.amountCents,
    status: order.status,
    statusLabel: PAYMENT_STATUS_LABELS[order.status],
    expiresAt: new Date(order.orderExpiresAt).toISOString(),
    paidAt: order.paidAt === null ? null : new Date(order.paidAt).toISOString(),
    requestPayment: order.status === 'pending' ? (options.requestPayment ?? null) : null,
    sandbox: options.sandbox,
  };
}
