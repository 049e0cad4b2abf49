import { trusteeActNote, trusteeSubject } from '@zhixiang/shared/authorisations/trustee-rules';
import type { DocumentRecord } from '@zhixiang/shared/documents/model';
import type { EndorsementEventRecord, EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { type EndorsementAction, isFinal, transitionAll } from '@zhixiang/shared/endorsement/state-machine';
import {
  type EndorsementEvidence,
  identityPurposeOf,
  storedEvidence,
} from '@zhixiang/shared/endorsement/view';
import { AppError } from '@zhixiang/shared/errors';
import { VERIFICATION_METHOD_LABELS } from '@zhixiang/shared/identity/verification';
import type { VerifiedIdentity } from '@zhixiang/shared/ports/identity-proofs';
import { type EndorsementDeps, type EventActor, endorsementEvent } from './endorsement-deps';

/**
 * The one mechanism that moves an application through identity verification and signing: the
 * engine looks at the evidence itself — the holder's identity proof for `endorsement:<id>`, the
 * application (申请书) signed by the holder (which carries the verification it relied on), the insured's
 * consent document — and records each step seen for the first time as a transition with its
 * audit event. Every read of an application and the submission call it; there is no route that
 * claims "verified" or "signed".
 */
export async function observeEvidence(
  deps: EndorsementDeps,
  record: EndorsementRecord,
): Promise<{ record: EndorsementRecord; evidence: EndorsementEvidence }> {
  const consentPending = record.consentDocumentId !== null && !record.insuredConsented;
  // Past signing, the stored status already says what was seen; only a pending consent needs a look.
  if (
    (record.status !== 'draft' && record.status !== 'identity_verified' && !consentPending) ||
    isFinal(record.status)
  )
    return { record, evidence: storedEvidence(record) };
  const { documents } = deps.repositories;
  const [document, consentDocument] = await Promise.all([
    documents.get(record.documentId),
    record.consentDocumentId ? documents.get(record.consentDocumentId) : null,
  ]);
  const documentSigned = document?.status === 'signed';
  const consentSigned = record.consentDocumentId === null || consentDocument?.status === 'signed';
  const waiting = record.status === 'draft' || record.status === 'identity_verified';
  const proof = record.status === 'draft' && !documentSigned ? await currentProof(deps, record) : null;
  const evidence: EndorsementEvidence = {
    identityVerified: record.status !== 'draft' || documentSigned || proof !== null,
    documentSigned: documentSigned,
    consentSigned,
  };

  const actions: EndorsementAction[] = [];
  if (record.status === 'draft' && (documentSigned || proof)) actions.push('verify_identity');
  if (waiting && documentSigned) actions.push('sign');
  const consentNew = Boolean(record.consentDocumentId) && consentSigned && !record.insuredConsented;
  if (actions.length === 0 && !consentNew) return { record, evidence };

  const now = deps.now();
  const { status, steps } = transitionAll(record.status, actions);
  const events: EndorsementEventRecord[] = steps.map((step) =>
    step.action === 'verify_identity'
      ? endorsementEvent(
          record,
          'identity_verified',
          signerActor(record, document),
          identityAt(document, proof, now),
          {
            fromStatus: step.from,
            toStatus: step.to,
            verificationId: document?.signature?.verificationId ?? proof?.verificationId ?? null,
            detail: `核验方式：${VERIFICATION_METHOD_LABELS[document?.signature?.verificationMethod ?? proof?.method ?? 'face']}`,
          },
        )
      : endorsementEvent(
          record,
          'signed',
          signerActor(record, document),
          document?.signature?.signedAt ?? now,
          {
            fromStatus: step.from,
            toStatus: step.to,
            verificationId: document?.signature?.verificationId ?? null,
            after: document?.contentHash ?? null,
            detail: record.trustee
              ? `申请书 ${record.documentId} 已由受托人 ${record.trustee.name} 代投保人签署（${trusteeActNote(record.trustee.authorisationId)}；数字签名保护完整性，批单待生效后出具）`
              : `申请书 ${record.documentId} 已由投保人签署（数字签名保护完整性，批单待生效后出具）`,
          },
        ),
  );
  if (consentNew && consentDocument?.signature) {
    const signature = consentDocument.signature;
    events.push(
      endorsementEvent(
        record,
        'insured_consented',
        {
          userId: signature.signedByUserId,
          role: 'customer',
          name: record.insured.name,
          onBehalfOf: null,
          sourceIp: signature.sourceIp,
          userAgent: signature.userAgent,
        },
        signature.signedAt,
        {
          verificationId: signature.verificationId,
          detail: `被保险人 ${record.insured.name} 验证身份（${VERIFICATION_METHOD_LABELS[signature.verificationMethod]}）并签署同意书 ${consentDocument.documentId}`,
        },
      ),
    );
  }
  try {
    const stored = await deps.repositories.endorsements.commit({
      application: {
        ...record,
        status,
        insuredConsented: record.insuredConsented || consentNew,
        updatedAt: now,
      },
      expectedVersion: record.version,
      events,
    });
    return { record: stored, evidence };
  } catch (error) {
    // Another request recorded the same evidence first: theirs stands.
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const again = await deps.repositories.endorsements.get(record.applicationId);
      if (again) return { record: again, evidence };
    }
    throw error;
  }
}

async function currentProof(
  deps: EndorsementDeps,
  record: EndorsementRecord,
): Promise<VerifiedIdentity | null> {
  try {
    return await deps.identityProofs.requireVerified({
      // A trustee's application: the trustee proves their own identity, keyed on their account.
      customerId: record.trustee ? trusteeSubject(record.trustee.userId) : record.holder.customerId,
      purpose: identityPurposeOf(record.applicationId),
      now: deps.now(),
    });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

function identityAt(document: DocumentRecord | null, proof: VerifiedIdentity | null, now: number): number {
  // The verification preceded the signature: order it just before the signing event.
  if (proof) return proof.verifiedAt;
  return document?.signature ? document.signature.signedAt - 1 : now;
}

/** The holder did it (on an agent's device, the agent hosted the screen — never signed). */
function signerActor(record: EndorsementRecord, document: DocumentRecord | null): EventActor {
  const signature = document?.signature;
  return {
    userId:
      signature?.signedByUserId ??
      (record.trustee ? record.trustee.userId : `customer:${record.holder.customerId}`),
    role: 'customer',
    name: record.trustee
      ? record.trustee.name
      : signature?.hostedByAgentId
        ? `${record.holder.name}（于业务员设备上当面办理）`
        : record.holder.name,
    onBehalfOf: record.trustee ? record.holder : null,
    sourceIp: signature?.sourceIp ?? null,
    userAgent: signature?.userAgent ?? null,
  };
}
