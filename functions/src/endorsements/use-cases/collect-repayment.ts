import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { ENDORSEMENT_STATUS_LABELS } from '@zhixiang/shared/endorsement/application';
import type { EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { AppError } from '@zhixiang/shared/errors';
import { formatYuan } from '@zhixiang/shared/format/money';
import type {
  PaidOutcome,
  RepaymentCollections,
  RepaymentDue,
} from '@zhixiang/shared/ports/repayment-collections';
import {
  ENDORSEMENT_NOT_FOUND_MESSAGE,
  type EndorsementDeps,
  endorsementEvent,
  loadOpenableEndorsement,
  SYSTEM_ACTOR,
  todayOf,
} from './endorsement-deps';
import { domainEvent, paidCommit, reevaluate } from './take-effect';

export const ONLY_HOLDER_PAYS_MESSAGE = '还款须由投保人本人在微信中支付';

/**
 * A repayment's money step as the endorsement engine sees it: the amount due, the one open
 * WeChat Pay order, and the effect that only a confirmed payment brings. Every write is one
 * transaction conditional on the application's version (EndorsementRepository.commit).
 */
export function repaymentCollections(deps: EndorsementDeps): RepaymentCollections {
  return {
    dueFor: (claims, applicationId) => dueFor(deps, claims, applicationId),
    async orderOpened(due, order, at) {
      const record = await awaiting(deps, due.applicationId);
      if (record.version !== due.version)
        throw new AppError('CONFLICT', '支付单正在创建，请刷新后查看', {
          logMessage: `application ${due.applicationId} changed while its order was made`,
        });
      await deps.repositories.endorsements.commit({
        application: {
          ...record,
          updatedAt: at,
          payment: {
            amountCents: due.amountCents,
            quotedOn: due.quotedOn,
            openOrder: order,
            paid: null,
          },
        },
        expectedVersion: record.version,
        events: [
          endorsementEvent(record, 'payment_ordered', SYSTEM_ACTOR, at, {
            detail: `微信支付单 ${order.outTradeNo}，金额 ${formatYuan(due.amountCents)}，${minutesUntil(order.expiresAt, at)} 分钟内有效`,
          }),
        ],
      });
    },
    paid: (input) => settlePaid(deps, input),
    async orderClosed(input) {
      const record = await deps.repositories.endorsements.get(input.applicationId);
      // Only the open order's closing is news: another order, or a settled application, stays as it is.
      if (record?.status !== 'awaiting_payment' || record.payment?.openOrder?.outTradeNo !== input.outTradeNo)
        return;
      await deps.repositories.endorsements.commit({
        application: {
          ...record,
          updatedAt: input.at,
          payment: { ...record.payment, openOrder: null },
        },
        expectedVersion: record.version,
        events: [
          endorsementEvent(record, 'payment_expired', SYSTEM_ACTOR, input.at, {
            detail:
              input.reason === 'expired'
                ? `支付单 ${input.outTradeNo} 超时未支付，已关闭；申请仍为待支付，可重新发起支付`
                : `支付单 ${input.outTradeNo} 支付未成功，已关闭；申请仍为待支付，可重新发起支付`,
          }),
        ],
        // An order that expired unpaid is told to the customer (the notifier, from the outbox).
        ...(input.reason === 'expired'
          ? {
              outbox: [
                domainEvent(record, 'payment.expired', input.at, { amountCents: record.payment.amountCents }),
              ],
            }
          : {}),
      });
    },
  };
}

async function dueFor(
  deps: EndorsementDeps,
  claims: AccessClaims,
  applicationId: string,
): Promise<RepaymentDue> {
  const { record } = await loadOpenableEndorsement(deps, claims, applicationId);
  if (claims.role !== 'customer' || claims.customerId !== record.holder.customerId)
    throw new AppError('FORBIDDEN', ONLY_HOLDER_PAYS_MESSAGE);
  if (record.status !== 'awaiting_payment' || !record.payment)
    throw new AppError('CONFLICT', `申请当前为「${ENDORSEMENT_STATUS_LABELS[record.status]}」，无需支付`, {
      logMessage: `payment asked for ${applicationId} in ${record.status}`,
    });
  const today = todayOf(deps);
  let { amountCents, quotedOn } = record.payment;
  if (quotedOn !== today) {
    // Interest accrues by day: a payment on a later day pays that day's amount.
    const { evaluation } = await reevaluate(deps, record, today);
    amountCents = evaluation.figures.amountCents ?? amountCents;
    quotedOn = today;
  }
  return {
    applicationId,
    policyNo: record.policyNo,
    holderCustomerId: record.holder.customerId,
    amountCents,
    quotedOn,
    openOrder: record.payment.openOrder,
    version: record.version,
  };
}

async function awaiting(deps: EndorsementDeps, applicationId: string): Promise<EndorsementRecord> {
  const record = await deps.repositories.endorsements.get(applicationId);
  if (!record) throw new AppError('NOT_FOUND', ENDORSEMENT_NOT_FOUND_MESSAGE);
  if (record.status !== 'awaiting_payment' || !record.payment)
    throw new AppError('CONFLICT', `申请当前为「${ENDORSEMENT_STATUS_LABELS[record.status]}」，无需支付`);
  return record;
}

/**
 * The payment's effect, once: the application must still await payment, and the rule evaluated
 * on the quote's date must ask exactly the amount paid. Of two reports racing, the loser's commit
 * is refused on the version, and reading again finds this payment already applied.
 */
async function settlePaid(
  deps: EndorsementDeps,
  input: Parameters<RepaymentCollections['paid']>[0],
): Promise<PaidOutcome> {
  for (let attempt = 1; ; attempt++) {
    const record = await deps.repositories.endorsements.get(input.applicationId);
    if (!record) return 'not_awaiting';
    if (record.payment?.paid?.outTradeNo === input.outTradeNo) return 'already';
    if (record.status !== 'awaiting_payment' || !record.payment) return 'not_awaiting';
    let evaluated: Awaited<ReturnType<typeof reevaluate>>;
    try {
      evaluated = await reevaluate(deps, record, input.quotedOn);
    } catch (error) {
      // The policy changed under the waiting repayment, or its rule now refuses it: the money
      // cannot apply (finance refunds it; payments logs it).
      if (error instanceof AppError && error.code !== 'INTERNAL') return 'not_awaiting';
      throw error;
    }
    const { target, evaluation } = evaluated;
    // The rule no longer asks this amount (another order's quote): the payer is refunded by finance.
    if (evaluation.figures.amountCents !== input.amountCents) return 'not_awaiting';
    try {
      await deps.repositories.endorsements.commit(
        paidCommit({
          record,
          target,
          evaluation,
          paid: {
            outTradeNo: input.outTradeNo,
            transactionId: input.transactionId,
            amountCents: input.amountCents,
            paidAt: input.paidAt,
          },
          now: Math.max(deps.now(), record.updatedAt + 1),
        }),
      );
      return 'applied';
    } catch (error) {
      // Another report of the payment committed first: read again (a few times at most).
      if (!(error instanceof AppError) || error.code !== 'CONFLICT' || attempt >= 3) throw error;
    }
  }
}

function minutesUntil(expiresAt: number, at: number): number {
  return Math.max(1, Math.round((expiresAt - at) / 60_000));
}
