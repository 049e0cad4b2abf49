import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { ENDORSEMENT_STATUS_LABELS } from '@zhixiang/shared/endorsement/application';
import type {
  ApplicationDebit,
  ApplicationPayment,
  EndorsementRecord,
} from '@zhixiang/shared/endorsement/model';
import { AppError } from '@zhixiang/shared/errors';
import { formatYuan } from '@zhixiang/shared/format/money';
import {
  DEBIT_NOT_CURRENT_MESSAGE,
  decideRepaymentChannel,
  type RepaymentChannelState,
} from '@zhixiang/shared/payments/repayment-debit';
import type { PayoutResultRecord } from '@zhixiang/shared/ports/payout-instructions';
import type {
  PaidOutcome,
  RepaymentCollections,
  RepaymentDue,
} from '@zhixiang/shared/ports/repayment-collections';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { newMoneyReference } from '../../payments/use-cases/money-reference';
import {
  ENDORSEMENT_NOT_FOUND_MESSAGE,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  loadOpenableEndorsement,
  SYSTEM_ACTOR,
  todayOf,
} from './endorsement-deps';
import { amountBreakdown, domainEvent, newInstruction, paidCommit, reevaluate } from './take-effect';

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
    requestDebit: (input) => requestDebit(deps, input),
    debitSettled: (input) => debitSettled(deps, input),
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
  // Paid by exactly one channel: no WeChat Pay order while a renewal-account debit is in progress.
  const channel = decideRepaymentChannel(channelState(record.payment), { kind: 'open_order', reference: '' });
  if (channel.kind === 'refuse')
    throw new AppError('CONFLICT', channel.message, {
      logMessage: `payment asked for ${applicationId} while debiting`,
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
  debit?: { result: PayoutResultRecord },
): Promise<PaidOutcome> {
  for (let attempt = 1; ; attempt++) {
    const record = await deps.repositories.endorsements.get(input.applicationId);
    if (!record) return 'not_awaiting';
    if (record.payment?.paid?.outTradeNo === input.outTradeNo) return 'already';
    if (record.status !== 'awaiting_payment' || !record.payment) return 'not_awaiting';
    // The one channel that may pay now: no order paid while a debit is in progress, no debit but the current one.
    const channel = decideRepaymentChannel(channelState(record.payment), {
      kind: debit ? 'debit_succeeded' : 'order_paid',
      reference: input.outTradeNo,
    });
    if (channel.kind === 'refuse') return 'not_awaiting';
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
          ...(debit ? { debit } : {}),
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

/** The application's payment as the repayment channel's state machine reads it. */
function channelState(payment: ApplicationPayment): RepaymentChannelState {
  const debit = payment.debit ?? null;
  return {
    paid: payment.paid
      ? {
          channel:
            debit?.status === 'paid' && debit.reference === payment.paid.outTradeNo ? 'debit' : 'wechat_pay',
          reference: payment.paid.outTradeNo,
        }
      : null,
    openOrder: payment.openOrder?.outTradeNo ?? null,
    debiting: debit?.status === 'pending' ? debit.reference : null,
  };
}

export const NO_RENEWAL_ACCOUNT_MESSAGE = '该保单没有续期账户，请使用微信支付';
export const ONLY_HOLDER_DEBITS_MESSAGE = '续期账户扣款须由投保人本人发起';

/**
 * The holder chooses the renewal-account debit (续期账户扣款) instead of WeChat Pay: the amount
 * quoted for today (interest first, then principal), the policy's renewal account on file, and in
 * one transaction conditional on the application's version — the application 扣款中 with its
 * audit event, the `debit.requested` domain event (the customer is told), and the debit
 * instruction on the outbox (its idempotency key: the billing system debits it once). Of two
 * requests at once one commits; the other reads again and answers the same debit.
 */
async function requestDebit(
  deps: EndorsementDeps,
  input: Parameters<RepaymentCollections['requestDebit']>[0],
): Promise<ApplicationDebit> {
  const { claims, applicationId } = input;
  for (let attempt = 1; ; attempt++) {
    const { record } = await loadOpenableEndorsement(deps, claims, applicationId);
    if (claims.role !== 'customer' || claims.customerId !== record.holder.customerId)
      throw new AppError('FORBIDDEN', ONLY_HOLDER_DEBITS_MESSAGE);
    if (record.status !== 'awaiting_payment' || !record.payment)
      throw new AppError('CONFLICT', `申请当前为「${ENDORSEMENT_STATUS_LABELS[record.status]}」，无需扣款`, {
        logMessage: `debit asked for ${applicationId} in ${record.status}`,
      });
    const current = record.payment.debit;
    // A second tap (or the loser of two at once): the debit in progress is the answer.
    if (current?.status === 'pending') return current;
    const at = Math.max(deps.now(), record.updatedAt + 1);
    const reference = newMoneyReference('RD', at);
    const channel = decideRepaymentChannel(channelState(record.payment), {
      kind: 'request_debit',
      reference,
    });
    if (channel.kind === 'refuse')
      throw new AppError('CONFLICT', channel.message, { logMessage: `debit refused for ${applicationId}` });
    const today = todayOf(deps);
    const { target, evaluation } = await reevaluate(deps, record, today);
    const account = target.policy.renewalAccount;
    if (!account)
      throw new AppError('CONFLICT', NO_RENEWAL_ACCOUNT_MESSAGE, {
        logMessage: `policy ${record.policyNo} has no renewal account`,
      });
    const amountCents = evaluation.figures.amountCents ?? record.payment.amountCents;
    const breakdown = {
      interestCents: evaluation.figures.interestPaidCents ?? 0,
      principalCents: evaluation.figures.principalPaidCents ?? amountCents,
    };
    const accountMasked = maskBankAccount(account.accountNumber);
    const debit: ApplicationDebit = {
      reference,
      amountCents,
      quotedOn: today,
      bankName: account.bankName,
      accountMasked,
      status: 'pending',
      requestedAt: at,
      failure: null,
    };
    const actor = await eventActorOf(deps, input, record.holder);
    try {
      await deps.repositories.endorsements.commit({
        application: {
          ...record,
          updatedAt: at,
          payment: { ...record.payment, amountCents, quotedOn: today, debit },
        },
        expectedVersion: record.version,
        events: [
          endorsementEvent(record, 'debit_requested', actor, at, {
            after: reference,
            detail: `从续期账户（${account.bankName} ${accountMasked}）扣款 ${formatYuan(amountCents)}（${amountBreakdown(evaluation)}），扣款指令 ${reference}；扣款通常在 1 个工作日内完成`,
          }),
        ],
        outbox: [domainEvent(record, 'debit.requested', at, { amountCents })],
        payoutInstructions: [
          {
            kind: 'issue',
            instruction: {
              ...newInstruction({
                record,
                reference,
                accountHolder: target.holder.name,
                account: { bankName: account.bankName, accountNumber: account.accountNumber },
                amountCents,
                at,
              }),
              direction: 'debit',
              breakdown,
            },
          },
        ],
      });
      return debit;
    } catch (error) {
      // Another request (a second tap, a WeChat Pay order) committed first: read again.
      if (!(error instanceof AppError) || error.code !== 'CONFLICT' || attempt >= 3) throw error;
    }
  }
}

/**
 * The billing system's result of the application's current debit. Success: the repayment takes
 * effect exactly as a WeChat Pay payment does (`paidCommit`, the instruction settled in the same
 * transaction). Failure: back to 待支付 with the bank's reason — the debit 扣款失败, the audit
 * event, `debit.failed` (the customer is told) and the instruction pending → failed, in one
 * transaction — after which the holder may pay by WeChat Pay, or ask for the debit again.
 */
async function debitSettled(
  deps: EndorsementDeps,
  input: Parameters<RepaymentCollections['debitSettled']>[0],
): Promise<'applied' | 'already' | 'not_awaiting'> {
  const { instruction } = input;
  const result: PayoutResultRecord = {
    outcome: input.outcome === 'success' ? 'paid' : 'failed',
    reason: input.reason,
    financeReference: input.resultId,
    at: input.at,
  };
  if (input.outcome === 'success') {
    const record = await deps.repositories.endorsements.get(instruction.applicationId);
    const debit = record?.payment?.debit;
    if (debit?.reference !== instruction.reference)
      throw new AppError('CONFLICT', DEBIT_NOT_CURRENT_MESSAGE, {
        logMessage: `debit ${instruction.reference} is not ${instruction.applicationId}'s current debit`,
      });
    return settlePaid(
      deps,
      {
        applicationId: instruction.applicationId,
        outTradeNo: instruction.reference,
        transactionId: input.resultId,
        amountCents: instruction.amountCents,
        quotedOn: debit.quotedOn,
        paidAt: input.at,
      },
      { result },
    );
  }
  for (let attempt = 1; ; attempt++) {
    const record = await deps.repositories.endorsements.get(instruction.applicationId);
    const payment = record?.payment;
    const debit = payment?.debit;
    if (!record || !payment || debit?.reference !== instruction.reference)
      throw new AppError('CONFLICT', DEBIT_NOT_CURRENT_MESSAGE, {
        logMessage: `debit ${instruction.reference} is not ${instruction.applicationId}'s current debit`,
      });
    const channel = decideRepaymentChannel(channelState(payment), {
      kind: 'debit_failed',
      reference: instruction.reference,
    });
    if (channel.kind !== 'move') return 'already';
    const reason = input.reason ?? '未说明原因';
    const at = Math.max(input.at, record.updatedAt + 1);
    try {
      await deps.repositories.endorsements.commit({
        application: {
          ...record,
          updatedAt: at,
          payment: { ...payment, debit: { ...debit, status: 'failed', failure: { reason, at } } },
        },
        expectedVersion: record.version,
        events: [
          endorsementEvent(record, 'debit_failed', SYSTEM_ACTOR, at, {
            after: instruction.reference,
            detail: `续期账户扣款失败：${reason}（${debit.bankName} ${debit.accountMasked}，扣款指令 ${instruction.reference}）；申请仍为待支付，可改用微信支付`,
          }),
        ],
        outbox: [domainEvent(record, 'debit.failed', at, { amountCents: instruction.amountCents, reason })],
        payoutInstructions: [
          { kind: 'settle', reference: instruction.reference, from: 'pending', to: 'failed', result },
        ],
      });
      return 'applied';
    } catch (error) {
      // Another result committed first: read again, and find it applied.
      if (!(error instanceof AppError) || error.code !== 'CONFLICT' || attempt >= 3) throw error;
    }
  }
}
