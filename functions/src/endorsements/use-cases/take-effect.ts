import { randomUUID } from 'node:crypto';
import { COLLECTION_ENDORSEMENT_TYPES } from '@zhixiang/shared/endorsement/application';
import {
  applyEffect,
  type BankAccount,
  type Evaluation,
  evaluateEndorsement,
} from '@zhixiang/shared/endorsement/evaluate';
import type {
  ApplicationPayout,
  DomainEventRecord,
  DomainEventType,
  EndorsementEventRecord,
  EndorsementRecord,
} from '@zhixiang/shared/endorsement/model';
import { POLICY_CHANGED_MESSAGE } from '@zhixiang/shared/endorsement/model';
import { problemsToAppError } from '@zhixiang/shared/endorsement/rule-result';
import { type EndorsementAction, transitionAll } from '@zhixiang/shared/endorsement/state-machine';
import { AppError } from '@zhixiang/shared/errors';
import { formatYuan } from '@zhixiang/shared/format/money';
import type { EndorsementCommit } from '@zhixiang/shared/ports/endorsements';
import type { PayoutInstructionRecord, PayoutResultRecord } from '@zhixiang/shared/ports/payout-instructions';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { newMoneyReference } from '../../payments/use-cases/money-reference';
import {
  type EndorsablePolicy,
  type EndorsementDeps,
  type EventActor,
  endorsementEvent,
  SYSTEM_ACTOR,
  todayOf,
} from './endorsement-deps';

/**
 * The application's rule, checked again against the policy as it is now. The customer signed a
 * change of the policy at `policyVersion`: any other change since (another endorsement, an
 * import) makes the signed document stale, so the submission is refused with a clear 409.
 */
export async function reevaluate(
  deps: EndorsementDeps,
  record: EndorsementRecord,
  /** The Shanghai date to evaluate on (a repayment settles on the date its amount was quoted). */
  today: string = todayOf(deps),
): Promise<{ target: EndorsablePolicy; evaluation: Evaluation }> {
  // The parties are known from the application: read them beside the policy, not after it.
  const sameParty = record.holder.customerId === record.insured.customerId;
  const [policy, holder, insuredRead] = await Promise.all([
    deps.repositories.policies.get(record.policyNo),
    deps.repositories.customers.get(record.holder.customerId),
    sameParty ? null : deps.repositories.customers.get(record.insured.customerId),
  ]);
  const insured = sameParty ? holder : insuredRead;
  if (!policy || policy.version !== record.policyVersion || policy.holderId !== holder?.customerId)
    throw new AppError('CONFLICT', POLICY_CHANGED_MESSAGE, {
      logMessage: `policy ${record.policyNo} at version ${policy?.version} since the application's ${record.policyVersion}`,
    });
  const product = await deps.repositories.products.getCached(policy.productCode);
  if (!holder || !insured || !product)
    throw new AppError('INTERNAL', undefined, {
      logMessage: `policy ${policy.policyNo} has missing parties or product`,
    });
  const target = { policy, holder, insured, product };
  const evaluated = evaluateEndorsement(record.request, {
    ...target,
    today,
    channel: record.channel,
  });
  if (!evaluated.ok) throw problemsToAppError(evaluated.problems);
  return { target, evaluation: evaluated.value };
}

/**
 * The rule at submission. A draft that kept its policy and parties (`record.drafted`, the policy
 * at the signed `policyVersion`) is evaluated on them in memory, today's figures (a loan's
 * interest) recomputed: the submission's transaction then requires the stored policy to still be
 * at that version, which stands for reading it again. An older draft, or one the rule now refuses,
 * is evaluated by `reevaluate` on the policy as stored, so a refusal names the true reason (the
 * policy changed, or the rule's own message).
 */
export async function evaluateForSubmission(
  deps: EndorsementDeps,
  record: EndorsementRecord,
): Promise<{ target: EndorsablePolicy; evaluation: Evaluation; fromDraft: boolean }> {
  const drafted = record.drafted;
  const product =
    drafted && drafted.policy.version === record.policyVersion
      ? await deps.repositories.products.getCached(drafted.policy.productCode)
      : null;
  if (drafted && product) {
    const target = { ...drafted, product };
    const evaluated = evaluateEndorsement(record.request, {
      ...target,
      today: todayOf(deps),
      channel: record.channel,
    });
    if (evaluated.ok) return { target, evaluation: evaluated.value, fromDraft: true };
  }
  return { ...(await reevaluate(deps, record)), fromDraft: false };
}

/**
 * The transaction that approves a change. A repayment (COLLECTION_ENDORSEMENT_TYPES) then awaits
 * its money: approved → awaiting_payment, the amount quoted today, the policy untouched but
 * version-checked; it takes effect in `paidCommit` when WeChat Pay confirms the payment.
 * Every other type takes effect at once: approved → effective → document_issued,
 * the policy (version-checked and bumped) and the holder changed, the audit events with the
 * values before and after, and the `endorsement.effective` outbox item — all in one commit. The
 * outbox's consumer issues and seals the 批单 from that item (deliver-endorsement-events.ts).
 */
export function effectiveCommit(input: {
  record: EndorsementRecord;
  /** Transitions before approval in the same commit (the submission's, for automatic approval). */
  leadingActions: EndorsementAction[];
  leadingEvents: (
    steps: { from: EndorsementRecord['status']; to: EndorsementRecord['status'] }[],
  ) => EndorsementEventRecord[];
  approver: EventActor;
  approvalDetail: string;
  target: EndorsablePolicy;
  evaluation: Evaluation;
  now: number;
  patch?: Partial<EndorsementRecord>;
}): EndorsementCommit {
  if (COLLECTION_ENDORSEMENT_TYPES.includes(input.record.type)) return awaitingPaymentCommit(input);
  const { record, now } = input;
  const actions: EndorsementAction[] = [...input.leadingActions, 'approve', 'take_effect', 'issue_document'];
  const { status, steps } = transitionAll(record.status, actions);
  const leading = steps.slice(0, input.leadingActions.length);
  const [approve, effect, issue] = steps.slice(input.leadingActions.length);
  const events = [
    ...input.leadingEvents(leading),
    endorsementEvent(record, 'approved', input.approver, now, {
      fromStatus: approve?.from ?? null,
      toStatus: approve?.to ?? null,
      detail: input.approvalDetail,
    }),
  ];
  return takeEffect({
    ...input,
    record: { ...record, ...input.patch },
    status,
    events,
    effect,
    issue,
  });
}

/** Approved (or paid) → effective → document_issued: the policy written, the 批单 from the outbox. */
function takeEffect(input: {
  record: EndorsementRecord;
  target: EndorsablePolicy;
  evaluation: Evaluation;
  now: number;
  status: EndorsementRecord['status'];
  events: EndorsementEventRecord[];
  effect: { from: EndorsementRecord['status']; to: EndorsementRecord['status'] } | undefined;
  issue: { from: EndorsementRecord['status']; to: EndorsementRecord['status'] } | undefined;
}): EndorsementCommit {
  const { record, target, evaluation, now, status, effect, issue } = input;
  const applied = applyEffect(evaluation.effect, target.policy, target.holder);
  const changes = JSON.stringify(record.changes);
  const events = [
    ...input.events,
    endorsementEvent(record, 'effective', SYSTEM_ACTOR, now + 1, {
      fromStatus: effect?.from ?? null,
      toStatus: effect?.to ?? null,
      before: JSON.stringify(record.changes.map(({ label, before }) => ({ label, value: before }))),
      after: JSON.stringify(record.changes.map(({ label, after }) => ({ label, value: after }))),
      detail: `变更已写入保单 ${record.policyNo}`,
    }),
    endorsementEvent(record, 'document_issued', SYSTEM_ACTOR, now + 2, {
      fromStatus: issue?.from ?? null,
      toStatus: issue?.to ?? null,
      after: changes.length > 0 ? record.documentId : null,
      detail: `申请书 ${record.documentId} 已生效，本公司出具盖章批单并送达「我的批单」`,
    }),
  ];
  const amount = evaluation.figures.refundCents ?? evaluation.figures.amountCents ?? null;
  const payout = issuePayout({ record, target, evaluation, at: now + 3 });
  return {
    application: { ...record, status, updatedAt: now, ...(payout ? { payout: payout.payout } : {}) },
    expectedVersion: record.version,
    events: payout ? [...events, payout.event] : events,
    ...(payout ? { payoutInstructions: [{ kind: 'issue' as const, instruction: payout.instruction }] } : {}),
    policy: applied.policy,
    ...(applied.holder ? { holder: applied.holder, holderPhoneBefore: target.holder.phone } : {}),
    outbox: [domainEvent(record, 'endorsement.effective', now, { amountCents: amount })],
  };
}

/** An outbox item of the application, written in the transaction of its change. */
export function domainEvent(
  record: Pick<EndorsementRecord, 'applicationId' | 'policyNo' | 'type' | 'holder'>,
  type: DomainEventType,
  at: number,
  detail: { amountCents?: number | null; reason?: string | null } = {},
): DomainEventRecord {
  return {
    eventId: randomUUID(),
    type,
    at,
    applicationId: record.applicationId,
    policyNo: record.policyNo,
    endorsementType: record.type,
    holderId: record.holder.customerId,
    amountCents: detail.amountCents ?? null,
    reason: detail.reason ?? null,
  };
}

/**
 * The money an effective change pays the customer (a loan, a dividend withdrawal, a surrender's
 * refund): one payout instruction to the finance system, written in the effect's own commit, the
 * application's payout 待付款, and its timeline event. Null when the change pays nothing.
 */
function issuePayout(input: {
  record: EndorsementRecord;
  target: EndorsablePolicy;
  evaluation: Evaluation;
  at: number;
}): PayoutIssue | null {
  const { effect } = input.evaluation;
  const owed =
    effect.kind === 'loan' || effect.kind === 'dividend_withdrawal'
      ? { amountCents: effect.amountCents, payee: effect.payee }
      : effect.kind === 'surrender' && effect.payee && effect.refundCents > 0
        ? { amountCents: effect.refundCents, payee: effect.payee }
        : null;
  if (!owed) return null;
  return payoutInstruction({
    record: input.record,
    payeeName: input.target.holder.name,
    account: owed.payee,
    amountCents: owed.amountCents,
    at: input.at,
    issues: 1,
  });
}

export interface PayoutIssue {
  instruction: PayoutInstructionRecord;
  payout: ApplicationPayout;
  event: EndorsementEventRecord;
}

/**
 * A money instruction of the application, pending and due for delivery now, with a new idempotency
 * key: a payout to the account holder, or (the caller adds `direction: 'debit'`) a repayment
 * debited from their account.
 */
export function newInstruction(input: {
  record: EndorsementRecord;
  reference: string;
  accountHolder: string;
  account: BankAccount;
  amountCents: number;
  at: number;
}): PayoutInstructionRecord {
  const { record } = input;
  return {
    reference: input.reference,
    idempotencyKey: randomUUID(),
    applicationId: record.applicationId,
    policyNo: record.policyNo,
    endorsementType: record.type,
    holderId: record.holder.customerId,
    branchPath: record.branchPath,
    payeeName: input.accountHolder,
    account: input.account,
    amountCents: input.amountCents,
    status: 'pending',
    createdAt: input.at,
    deliveredAt: null,
    attempts: 0,
    lastError: null,
    result: null,
    overdueSince: null,
  };
}

/** A new instruction (a new reference and idempotency key) for the application's payout. */
export function payoutInstruction(input: {
  record: EndorsementRecord;
  payeeName: string;
  account: BankAccount;
  amountCents: number;
  at: number;
  issues: number;
}): PayoutIssue {
  const { record, account, amountCents, at } = input;
  const reference = newMoneyReference('PO', at);
  const accountMasked = maskBankAccount(account.accountNumber);
  return {
    instruction: newInstruction({
      record,
      reference,
      accountHolder: input.payeeName,
      account,
      amountCents,
      at,
    }),
    payout: {
      reference,
      amountCents,
      bankName: account.bankName,
      accountMasked,
      status: 'pending',
      instructedAt: at,
      paidAt: null,
      failure: null,
      issues: input.issues,
    },
    event: endorsementEvent(record, 'payout_instructed', SYSTEM_ACTOR, at, {
      after: reference,
      detail: `已向财务系统发起付款 ${formatYuan(amountCents)}，收款账户 ${account.bankName} ${accountMasked}，付款指令 ${reference}`,
    }),
  };
}

function awaitingPaymentCommit(input: Parameters<typeof effectiveCommit>[0]): EndorsementCommit {
  const { record, evaluation, now } = input;
  const { status, steps } = transitionAll(record.status, [
    ...input.leadingActions,
    'approve',
    'await_payment',
  ]);
  const leading = steps.slice(0, input.leadingActions.length);
  const [approve, awaiting] = steps.slice(input.leadingActions.length);
  const amountCents = evaluation.figures.amountCents ?? 0;
  // The renewal account on file, masked: the other way to pay (续期账户扣款). Any change of the
  // policy while the repayment waits makes its quote stale, so this copy cannot fall behind.
  const renewal = input.target.policy.renewalAccount;
  const debitAccount = renewal
    ? { bankName: renewal.bankName, accountMasked: maskBankAccount(renewal.accountNumber) }
    : null;
  return {
    application: {
      ...record,
      ...input.patch,
      status,
      updatedAt: now,
      payment: {
        amountCents,
        quotedOn: todayOf({ now: () => now }),
        openOrder: null,
        paid: null,
        debitAccount,
      },
    },
    expectedVersion: record.version,
    events: [
      ...input.leadingEvents(leading),
      endorsementEvent(record, 'approved', input.approver, now, {
        fromStatus: approve?.from ?? null,
        toStatus: approve?.to ?? null,
        detail: input.approvalDetail,
      }),
      endorsementEvent(record, 'awaiting_payment', SYSTEM_ACTOR, now + 1, {
        fromStatus: awaiting?.from ?? null,
        toStatus: awaiting?.to ?? null,
        detail: `应还 ${formatYuan(amountCents)}（${amountBreakdown(evaluation)}），请通过微信支付${debitAccount ? '或续期账户扣款' : ''}完成还款；收到款项后变更生效`,
      }),
    ],
    // Nothing changes on the policy before the money arrives; it must still be the signed one.
    policyVersionCheck: { policyNo: record.policyNo, version: record.policyVersion },
  };
}

export function amountBreakdown(evaluation: Pick<Evaluation, 'figures'>): string {
  const { interestPaidCents = 0, principalPaidCents = 0 } = evaluation.figures;
  return `其中利息 ${formatYuan(interestPaidCents)}，本金 ${formatYuan(principalPaidCents)}`;
}

/**
 * The transaction that makes a paid repayment true: awaiting_payment → effective →
 * document_issued, with the payment recorded on the application and in its timeline — the same
 * shape as any change taking effect, conditional on the application's version, so of two reports
 * of one payment (a notification and a query) exactly one commits.
 */
export function paidCommit(input: {
  record: EndorsementRecord;
  target: EndorsablePolicy;
  evaluation: Evaluation;
  paid: NonNullable<NonNullable<EndorsementRecord['payment']>['paid']>;
  now: number;
  /**
   * Paid by the renewal-account debit (续期账户扣款): `paid.outTradeNo` is the debit instruction's
   * reference; the instruction moves pending → paid in the same transaction.
   */
  debit?: { result: PayoutResultRecord };
}): EndorsementCommit {
  const { record, paid, now, debit } = input;
  const { status, steps } = transitionAll(record.status, ['take_effect', 'issue_document']);
  const [effect, issue] = steps;
  const current = record.payment as NonNullable<EndorsementRecord['payment']>;
  const payment = {
    ...current,
    openOrder: null,
    paid,
    ...(debit && current.debit ? { debit: { ...current.debit, status: 'paid' as const } } : {}),
  };
  const commit = takeEffect({
    record: { ...record, payment },
    target: input.target,
    evaluation: input.evaluation,
    now,
    status,
    effect,
    issue,
    events: [
      endorsementEvent(record, 'payment_received', SYSTEM_ACTOR, now, {
        detail: debit
          ? `续期账户扣款到账 ${formatYuan(paid.amountCents)}（${amountBreakdown(input.evaluation)}），扣款指令 ${paid.outTradeNo}，扣费系统结果编号 ${paid.transactionId}`
          : `微信支付到账 ${formatYuan(paid.amountCents)}（${amountBreakdown(input.evaluation)}），支付单号 ${paid.outTradeNo}，微信支付交易号 ${paid.transactionId}`,
      }),
    ],
  });
  // The customer is told the money arrived (the notifier, from the same outbox).
  return {
    ...commit,
    outbox: [
      ...(commit.outbox ?? []),
      domainEvent(record, 'payment.received', now, { amountCents: paid.amountCents }),
    ],
    ...(debit
      ? {
          payoutInstructions: [
            ...(commit.payoutInstructions ?? []),
            {
              kind: 'settle' as const,
              reference: paid.outTradeNo,
              from: 'pending' as const,
              to: 'paid' as const,
              result: debit.result,
            },
          ],
        }
      : {}),
  };
}
