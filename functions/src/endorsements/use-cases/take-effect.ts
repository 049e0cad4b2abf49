import { randomUUID } from 'node:crypto';
import { applyEffect, type Evaluation, evaluateEndorsement } from '@zhixiang/shared/endorsement/evaluate';
import type { EndorsementEventRecord, EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { POLICY_CHANGED_MESSAGE } from '@zhixiang/shared/endorsement/model';
import { problemsToAppError } from '@zhixiang/shared/endorsement/rule-result';
import { type EndorsementAction, transitionAll } from '@zhixiang/shared/endorsement/state-machine';
import { AppError } from '@zhixiang/shared/errors';
import type { EndorsementCommit } from '@zhixiang/shared/ports/endorsements';
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
    today: todayOf(deps),
    channel: record.channel,
  });
  if (!evaluated.ok) throw problemsToAppError(evaluated.problems);
  return { target, evaluation: evaluated.value };
}

/**
 * The transaction that makes an approved change true: approved → effective → document_issued,
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
  const { record, target, evaluation, now } = input;
  const actions: EndorsementAction[] = [...input.leadingActions, 'approve', 'take_effect', 'issue_document'];
  const { status, steps } = transitionAll(record.status, actions);
  const leading = steps.slice(0, input.leadingActions.length);
  const [approve, takeEffect, issue] = steps.slice(input.leadingActions.length);
  const applied = applyEffect(evaluation.effect, target.policy, target.holder);
  const changes = JSON.stringify(record.changes);
  const events = [
    ...input.leadingEvents(leading),
    endorsementEvent(record, 'approved', input.approver, now, {
      fromStatus: approve?.from ?? null,
      toStatus: approve?.to ?? null,
      detail: input.approvalDetail,
    }),
    endorsementEvent(record, 'effective', SYSTEM_ACTOR, now + 1, {
      fromStatus: takeEffect?.from ?? null,
      toStatus: takeEffect?.to ?? null,
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
  return {
    application: { ...record, ...input.patch, status, updatedAt: now },
    expectedVersion: record.version,
    events,
    policy: applied.policy,
    ...(applied.holder ? { holder: applied.holder, holderPhoneBefore: target.holder.phone } : {}),
    outbox: [
      {
        eventId: randomUUID(),
        type: 'endorsement.effective',
        at: now,
        applicationId: record.applicationId,
        policyNo: record.policyNo,
        endorsementType: record.type,
        holderId: record.holder.customerId,
        amountCents: amount,
      },
    ],
  };
}
