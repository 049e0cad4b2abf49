import { createHash, randomUUID } from 'node:crypto';
import { counterActNote, trusteeActNote } from '@zhixiang/shared/authorisations/trustee-rules';
import { type DocumentRecord, documentKeys, type SealedPdfRecord } from '@zhixiang/shared/documents/model';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { auditEvent, contentHashOf, type DocumentDeps, type DocumentPdf, sha256Hex } from './document-deps';

/**
 * The 批单's annotation: the insurer agrees, on the application the customer signed. Printed only
 * on the 批单, which exists only once the change took effect.
 */
export function endorsementAnnotation(application: DocumentRecord): string {
  const signed = application.signature
    ? `于${formatDateCn(todayInShanghai(new Date(application.signature.signedAt)))}签署的`
    : '';
  const applicant = application.counter
    ? `投保人${application.holder.name}以录像授权委托，柜面人员${application.counter.name}（${application.counter.userId}，${counterActNote(application.counter.authorisationId)}）`
    : application.trustee
      ? `投保人${application.holder.name}委托，受托人${application.trustee.name}（${trusteeActNote(application.trustee.authorisationId)}）`
      : `投保人${application.holder.name}`;
  return `经${applicant}${signed}变更申请书（${application.documentId}）申请，本公司同意对上述保险合同作如下批改，自生效日期起生效。除本批单所列变更外，保险合同其他内容不变。本批单是保险合同的组成部分，与保险合同具有同等法律效力。`;
}

/**
 * The 批单's number follows from its application: PD + the day it took effect + 6 characters of
 * a hash of the application's number. Two consumers of the same event name the same 批单, and
 * the conditional create lets one of them issue it.
 */
export function endorsementDocumentIdOf(applicationDocumentId: string, effectiveAt: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const digest = createHash('sha256').update(`endorsement:${applicationDocumentId}`).digest();
  const suffix = [...digest.subarray(0, 6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `PD${todayInShanghai(new Date(effectiveAt)).replaceAll('-', '')}${suffix}`;
}

export type IssueEndorsementDeps = Pick<DocumentDeps, 'files' | 'signingKey' | 'brand' | 'now'> & {
  repositories: Pick<DocumentDeps['repositories'], 'documents'>;
  /** Rendering and sealing only: the consumer that issues 批单 never verifies nor certifies. */
  pdf: Pick<DocumentPdf, 'renderDocument' | 'sealPdf'>;
};

export interface IssueEndorsementInput {
  /** The application the holder signed. */
  applicationDocumentId: string;
  /** The insured's consent document, when there was one: it takes effect with the application. */
  consentDocumentId: string | null;
  /** When the change took effect (the engine's transaction). */
  effectiveAt: number;
}

/**
 * Issues the 批单 of a change that took effect: built from the signed application (its parties
 * and masked change rows), the insurer's annotation naming that application, rendered, sealed
 * with the insurer's certificate, stored, and written in one transaction that also makes the
 * application (and the insured's consent) effective. Idempotent: an application that already
 * names its 批单 returns it, and of two issuers one creates it. Refuses an application that is
 * not signed (a cancelled or rejected one never gets a 批单).
 */
export async function issueEndorsement(
  deps: IssueEndorsementDeps,
  input: IssueEndorsementInput,
): Promise<{ documentId: string; created: boolean }> {
  const { documents } = deps.repositories;
  const application = await documents.get(input.applicationDocumentId);
  if (!application) throw new Error(`application document ${input.applicationDocumentId} not found`);
  if (application.endorsementDocumentId)
    return { documentId: application.endorsementDocumentId, created: false };
  if (application.status !== 'signed')
    throw new Error(`application document ${application.documentId} is ${application.status}, not signed`);
  const consent = input.consentDocumentId ? await documents.get(input.consentDocumentId) : null;

  const now = deps.now();
  const documentId = endorsementDocumentIdOf(application.documentId, input.effectiveAt);
  const draft: Omit<DocumentRecord, 'contentHash'> = {
    documentId,
    kind: 'endorsement',
    title: '保险合同变更批单',
    changeType: application.changeType,
    policyNo: application.policyNo,
    productName: application.productName,
    holder: application.holder,
    insured: application.insured,
    branchPath: application.branchPath,
    changes: application.changes,
    effectiveDate: todayInShanghai(new Date(input.effectiveAt)),
    annotation: endorsementAnnotation(application),
    purpose: `document:${documentId}`,
    status: 'effective',
    createdAt: now,
    createdBy: 'system',
    signature: null,
    sealed: null,
    applicationDocumentId: application.documentId,
    effectiveAt: input.effectiveAt,
    version: 1,
  };
  const unsealedRecord: DocumentRecord = { ...draft, contentHash: contentHashOf(draft) };
  const signingKey = await deps.signingKey.get();
  const rendered = await deps.pdf.renderDocument(unsealedRecord, { at: now }, deps.brand);
  const { unsealed, sealed } = await deps.pdf.sealPdf(rendered.pdf, signingKey, {
    widgetRect: rendered.sealRect,
    signingTime: new Date(now),
  });
  const key = documentKeys.endorsementPdf(documentId, randomUUID());
  await deps.files.put(key, sealed, 'application/pdf');
  const sealedRecord: SealedPdfRecord = {
    key,
    sha256: sha256Hex(sealed),
    bytes: sealed.length,
    sealedAt: now,
    certificateSubject: signingKey.subject,
    certificateSerial: signingKey.serialNumber,
  };
  const endorsement: DocumentRecord = { ...unsealedRecord, sealed: sealedRecord };
  const effective = (document: DocumentRecord) => ({
    documentId: document.documentId,
    effectiveAt: input.effectiveAt,
    event: auditEvent(document, 'effective', null, now, {
      detail: `变更已生效，本公司出具批单 ${documentId}`,
    }),
  });
  const created = await documents.issueEndorsement({
    endorsement,
    events: [
      auditEvent(unsealedRecord, 'created', null, now, {
        hashBefore: null,
        detail: `${application.changeType}生效，依据申请书 ${application.documentId}`,
      }),
      auditEvent(endorsement, 'sealed', null, now + 1, {
        hashBefore: sha256Hex(unsealed),
        hashAfter: sealedRecord.sha256,
        detail: `CAdES 数字签名，证书 ${signingKey.subject}（序列号 ${signingKey.serialNumber}）`,
      }),
      auditEvent(endorsement, 'delivered', null, now + 2, { detail: '已送达「我的批单」' }),
    ],
    applications: [application, ...(consent?.status === 'signed' ? [consent] : [])].map(effective),
  });
  // Another issuer got there first: its 批单 (the same number) stands, and this file is never referenced.
  return { documentId, created };
}
