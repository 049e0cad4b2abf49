import { checkPayeeCard } from '@zhixiang/shared/endorsement/evaluate';
import { problemsToAppError } from '@zhixiang/shared/endorsement/rule-result';
import { AppError } from '@zhixiang/shared/errors';
import { formatYuan } from '@zhixiang/shared/format/money';
import { PAYOUT_NOT_FAILED_MESSAGE, PAYOUT_OUTCOME_LABELS } from '@zhixiang/shared/payments/payout';
import type { PayoutSettlements } from '@zhixiang/shared/ports/payout-settlements';
import {
  ENDORSEMENT_NOT_FOUND_MESSAGE,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  loadOpenableEndorsement,
  SYSTEM_ACTOR,
} from './endorsement-deps';
import { domainEvent, payoutInstruction } from './take-effect';

export const ONLY_HOLDER_CHANGES_PAYOUT_ACCOUNT_MESSAGE = '收款账户须由投保人本人更换';

/**
 * The payout's steps on the application: the finance system's result moves 待付款 → 已付款 /
 * 付款失败 (with the `payout.paid` / `payout.failed` domain event), a bank return after payment
 * moves 已付款 → 付款失败 (the same `payout.failed`), and after a failure the holder's
 * own other account re-issues the instruction. Each is one transaction: the application at its
 * version, the instruction's conditional change, the timeline event, the outbox item.
 */
export function payoutSettlements(deps: EndorsementDeps): PayoutSettlements {
  return {
    async settled({ instruction, to, result }) {
      for (let attempt = 1; ; attempt++) {
        const record = await deps.repositories.endorsements.get(instruction.applicationId);
        const payout = record?.payout;
        if (!record || !payout || payout.reference !== instruction.reference)
          throw new AppError('CONFLICT', '该付款指令已不是申请当前的付款指令', {
            logMessage: `payout ${instruction.reference} is not ${instruction.applicationId}'s current instruction`,
          });
        if (payout.status === to) return 'already';
        const at = Math.max(result.at, record.updatedAt + 1);
        const place = `${payout.bankName} ${payout.accountMasked}`;
        const event =
          to === 'paid'
            ? endorsementEvent(record, 'payout_paid', SYSTEM_ACTOR, at, {
                after: instruction.reference,
                detail: `${formatYuan(instruction.amountCents)} 已到账（${place}），付款指令 ${instruction.reference}`,
              })
            : endorsementEvent(record, 'payout_failed', SYSTEM_ACTOR, at, {
                after: instruction.reference,
                detail: `${PAYOUT_OUTCOME_LABELS[result.outcome]}：${result.reason ?? '未说明原因'}（${place}，付款指令 ${instruction.reference}）；请更换本人的其他银行卡收款`,
              });
        try {
          await deps.repositories.endorsements.commit({
            application: {
              ...record,
              updatedAt: at,
              payout: {
                ...payout,
                status: to,
                paidAt: to === 'paid' ? result.at : null,
                failure:
                  to === 'failed' && result.outcome !== 'paid'
                    ? { outcome: result.outcome, reason: result.reason ?? '', at: result.at }
                    : null,
              },
            },
            expectedVersion: record.version,
            events: [event],
            outbox: [
              domainEvent(record, to === 'paid' ? 'payout.paid' : 'payout.failed', at, {
                amountCents: instruction.amountCents,
                reason: to === 'failed' && result.outcome !== 'paid' ? (result.reason ?? null) : null,
              }),
            ],
            payoutInstructions: [
              {
                kind: 'settle',
                reference: instruction.reference,
                from: payout.status === 'paid' ? 'paid' : 'pending',
                to,
                result,
              },
            ],
          });
          return 'applied';
        } catch (error) {
          // Another result of the instruction committed first: read again, and find it applied.
          if (!(error instanceof AppError) || error.code !== 'CONFLICT' || attempt >= 3) throw error;
        }
      }
    },

    async changeAccount({ claims, applicationId, card, sourceIp, userAgent }) {
      const { record } = await loadOpenableEndorsement(deps, claims, applicationId);
      if (claims.role !== 'customer' || claims.customerId !== record.holder.customerId)
        throw new AppError('FORBIDDEN', ONLY_HOLDER_CHANGES_PAYOUT_ACCOUNT_MESSAGE);
      const payout = record.payout;
      if (!payout)
        throw new AppError('CONFLICT', '该申请没有付款', { logMessage: `${applicationId} pays nothing` });
      if (payout.status !== 'failed')
        throw new AppError('CONFLICT', PAYOUT_NOT_FAILED_MESSAGE, {
          logMessage: `payout account change asked for ${applicationId} with payout ${payout.status}`,
        });
      const holder = await deps.repositories.customers.get(record.holder.customerId);
      if (!holder) throw new AppError('NOT_FOUND', ENDORSEMENT_NOT_FOUND_MESSAGE);
      const checked = checkPayeeCard(card, holder.name);
      if (!checked.ok) throw problemsToAppError(checked.problems);
      const at = Math.max(deps.now(), record.updatedAt + 1);
      const actor = await eventActorOf(deps, { claims, sourceIp, userAgent }, record.holder);
      const issued = payoutInstruction({
        record,
        payeeName: holder.name,
        account: checked.value,
        amountCents: payout.amountCents,
        at: at + 1,
        issues: payout.issues + 1,
      });
      await deps.repositories.endorsements.commit({
        application: { ...record, updatedAt: at + 1, payout: issued.payout },
        expectedVersion: record.version,
        events: [
          endorsementEvent(record, 'payout_account_changed', actor, at, {
            before: `${payout.bankName} ${payout.accountMasked}`,
            after: `${issued.payout.bankName} ${issued.payout.accountMasked}`,
            detail: `收款账户更换为 ${issued.payout.bankName} ${issued.payout.accountMasked}，原付款指令 ${payout.reference} 作废`,
          }),
          issued.event,
        ],
        payoutInstructions: [
          { kind: 'supersede', reference: payout.reference, at },
          { kind: 'issue', instruction: issued.instruction },
        ],
      });
      return issued.payout;
    },
  };
}
