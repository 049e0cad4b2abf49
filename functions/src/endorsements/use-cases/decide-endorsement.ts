import type {
  DecideEndorsementRequest,
  EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import { transition } from '@zhixiang/shared/endorsement/state-machine';
import { storedEvidence } from '@zhixiang/shared/endorsement/view';
import { AppError } from '@zhixiang/shared/errors';
import {
  type Actor,
  applicationView,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  loadOpenableEndorsement,
} from './endorsement-deps';
import { domainEvent, effectiveCommit, reevaluate } from './take-effect';

export const REJECT_REASON_REQUIRED_MESSAGE = '不通过时请填写审核意见，客户将看到该意见';

/**
 * Staff of the policy's branch subtree decide a submitted application. Approval checks the rule
 * again and applies the change in one transaction (as automatic approval does; the 批单 follows
 * from the outbox); rejection is final, carries the reason and voids the signed application. Both are conditional on the application's version: of two decisions
 * at once, exactly one wins and the other gets 409. Either way the decision's outbox item
 * (`endorsement.approved` / `endorsement.rejected`) is in the same transaction: the customer is
 * told by the notifier (docs/notifications.md).
 */
export async function decideEndorsement(
  deps: EndorsementDeps,
  actor: Actor,
  applicationId: string,
  request: DecideEndorsementRequest,
): Promise<EndorsementApplication> {
  const opened = await loadOpenableEndorsement(deps, actor.claims, applicationId);
  const { record } = opened;
  const reason = request.reason?.trim() || null;
  const now = deps.now();
  const who = await eventActorOf(deps, actor, record.holder);
  const decision = {
    decision: request.decision,
    reason,
    byUserId: actor.claims.sub,
    byName: who.name,
    at: now,
  };

  let stored: typeof record;
  if (request.decision === 'reject') {
    const to = transition(record.status, 'reject');
    if (!reason) throw new AppError('VALIDATION_FAILED', REJECT_REASON_REQUIRED_MESSAGE, { field: 'reason' });
    stored = await deps.repositories.endorsements.commit({
      application: { ...record, status: to, decision, updatedAt: now },
      expectedVersion: record.version,
      // The signed application (and the insured's consent) never take effect: voided, no 批单.
      voidSignedDocuments: {
        documentIds: [record.documentId, ...(record.consentDocumentId ? [record.consentDocumentId] : [])],
        reason: `审核未通过（审核意见：${reason}）`,
        byUserId: actor.claims.sub,
        byRole: actor.claims.role,
      },
      events: [
        endorsementEvent(record, 'rejected', who, now, {
          fromStatus: record.status,
          toStatus: to,
          detail: reason,
        }),
      ],
      // The customer is told the decision and its reason (the notifier, from the outbox).
      outbox: [domainEvent(record, 'endorsement.rejected', now, { reason })],
    });
  } else {
    transition(record.status, 'approve');
    const { target, evaluation } = await reevaluate(deps, record);
    const commit = effectiveCommit({
      record,
      leadingActions: [],
      leadingEvents: () => [],
      approver: who,
      approvalDetail: reason ? `人工审核通过：${reason}` : '人工审核通过',
      target,
      evaluation,
      now,
      patch: { decision },
    });
    const amountCents = commit.application.payment?.amountCents ?? commit.outbox?.[0]?.amountCents ?? null;
    stored = await deps.repositories.endorsements.commit({
      ...commit,
      outbox: [...(commit.outbox ?? []), domainEvent(record, 'endorsement.approved', now, { amountCents })],
    });
  }
  return applicationView(
    deps,
    actor.claims,
    opened.record === stored ? opened : { ...opened, record: stored },
    storedEvidence(stored),
  );
}
