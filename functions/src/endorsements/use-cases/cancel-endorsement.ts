import { counterActNote } from '@zhixiang/shared/authorisations/trustee-rules';
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
  COUNTER_AUTHORISATION_NOT_FOUND,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  HOLDER_ONLY_MESSAGE,
  loadOpenableEndorsement,
} from './endorsement-deps';
import { observeEvidence } from './observe-evidence';

/**
 * The holder (or their agent) withdraws an application until it is submitted; cancelled is final.
 * In the same transaction, unsigned documents of the application are discarded (a signature
 * arriving at the same moment makes the cancellation 409 instead) and signed ones — the 申请书,
 * the insured's consent — are voided with the reason and time: they never take effect, and no
 * 批单 is ever issued for them.
 * Staff withdraw an application they prepared at the counter (柜面代办) by naming its authorisation:
 * only that application, in their subtree (anything else answers as the counter's submission does),
 * recorded with the counter's note and their id.
 */
export async function cancelEndorsement(
  deps: EndorsementDeps,
  actor: Actor,
  applicationId: string,
  request: CancelEndorsementRequest,
  /** Staff withdrawing at the counter name the authorisation the application was prepared on. */
  options: { counterAuthorisationId?: string } = {},
): Promise<EndorsementApplication> {
  const opened = await loadOpenableEndorsement(deps, actor.claims, applicationId);
  const counter = options.counterAuthorisationId !== undefined;
  if (counter && opened.record.counterAct?.authorisationId !== options.counterAuthorisationId)
    throw new AppError('NOT_FOUND', COUNTER_AUTHORISATION_NOT_FOUND, { field: 'authorisationId' });
  if (!actsForHolder(actor.claims, opened.record, opened.holderAgentId))
    throw new AppError('FORBIDDEN', HOLDER_ONLY_MESSAGE);
  const { record, evidence } = await observeEvidence(deps, opened.record);
  const to = transition(record.status, 'cancel');
  const now = deps.now();
  const who = await eventActorOf(deps, actor, record.holder, null, counter);
  const reason = request.reason ? `撤销原因：${request.reason}` : null;
  // At the counter: the authorisation and the staff member, as the counter's submission records them.
  const detail = options.counterAuthorisationId
    ? [`${counterActNote(options.counterAuthorisationId)}（柜面人员 ${actor.claims.sub}）`, reason]
        .filter(Boolean)
        .join('；')
    : reason;
  const stored = await deps.repositories.endorsements.commit({
    application: { ...record, status: to, updatedAt: now },
    expectedVersion: record.version,
    discardUnsignedDocuments: [
      ...(evidence.documentSigned ? [] : [record.documentId]),
      ...(record.consentDocumentId && !evidence.consentSigned ? [record.consentDocumentId] : []),
    ],
    voidSignedDocuments: {
      documentIds: [
        ...(evidence.documentSigned ? [record.documentId] : []),
        ...(record.consentDocumentId && evidence.consentSigned ? [record.consentDocumentId] : []),
      ],
      reason: `申请已撤销${request.reason ? `（撤销原因：${request.reason}）` : ''}`,
      byUserId: actor.claims.sub,
      byRole: actor.claims.role,
    },
    events: [
      endorsementEvent(record, 'cancelled', who, now, {
        fromStatus: record.status,
        toStatus: to,
        detail,
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
