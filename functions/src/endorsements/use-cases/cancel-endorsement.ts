import type {
  CancelEndorsementRequest,
  EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import { transition } from '@zhixiang/shared/endorsement/state-machine';
import { AppError } from '@zhixiang/shared/errors';
import {
  type Actor,
  actsForHolder,
  applicationView,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  HOLDER_ONLY_MESSAGE,
  loadOpenableEndorsement,
} from './endorsement-deps';
import { observeEvidence } from './observe-evidence';

/**
 * The holder (or their agent) withdraws an application until it is submitted; cancelled is final.
 * Unsigned documents of the application are discarded in the same transaction (a signature
 * arriving at the same moment makes the cancellation 409 instead).
 */
export async function cancelEndorsement(
  deps: EndorsementDeps,
  actor: Actor,
  applicationId: string,
  request: CancelEndorsementRequest,
): Promise<EndorsementApplication> {
  const opened = await loadOpenableEndorsement(deps, actor.claims, applicationId);
  if (!actsForHolder(actor.claims, opened.record, opened.holderAgentId))
    throw new AppError('FORBIDDEN', HOLDER_ONLY_MESSAGE);
  const { record, evidence } = await observeEvidence(deps, opened.record);
  const to = transition(record.status, 'cancel');
  const now = deps.now();
  const who = await eventActorOf(deps, actor, record.holder);
  const stored = await deps.repositories.endorsements.commit({
    application: { ...record, status: to, updatedAt: now },
    expectedVersion: record.version,
    discardUnsignedDocuments: [
      ...(evidence.documentSigned ? [] : [record.documentId]),
      ...(record.consentDocumentId && !evidence.consentSigned ? [record.consentDocumentId] : []),
    ],
    events: [
      endorsementEvent(record, 'cancelled', who, now, {
        fromStatus: record.status,
        toStatus: to,
        detail: request.reason ? `撤销原因：${request.reason}` : null,
      }),
    ],
  });
  return applicationView(
    deps,
    actor.claims,
    { record: stored, holderAgentId: opened.holderAgentId },
    evidence,
  );
}
