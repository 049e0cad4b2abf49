import {
  auditEventLabel,
  type DocumentAuditEvent,
  type DocumentKind,
  type DocumentRecord,
  documentStatusLabel,
  signerOf,
} from './model';
import type { AuditEventView, DocumentDetail, DocumentSummary } from './schemas';

/** Record → API views. Personal data in a document is already masked when it is prepared. */
export function toDocumentSummary(record: DocumentRecord): DocumentSummary {
  return {
    documentId: record.documentId,
    kind: record.kind ?? 'endorsement',
    title: record.title,
    changeType: record.changeType,
    policyNo: record.policyNo,
    productName: record.productName,
    status: record.status,
    statusLabel: documentStatusLabel(record),
    createdAt: new Date(record.createdAt).toISOString(),
    signedAt: record.signature ? new Date(record.signature.signedAt).toISOString() : null,
    effectiveAt: record.effectiveAt ? new Date(record.effectiveAt).toISOString() : null,
    voided: voidedView(record),
    endorsementDocumentId: record.endorsementDocumentId ?? null,
    applicationDocumentId: record.applicationDocumentId ?? null,
  };
}

export function voidedView(record: Pick<DocumentRecord, 'voided'>): { reason: string; at: string } | null {
  return record.voided
    ? { reason: record.voided.reason, at: new Date(record.voided.at).toISOString() }
    : null;
}

export function toDocumentDetail(
  record: DocumentRecord,
  access: { canSign: boolean; identityVerified: boolean },
): DocumentDetail {
  return {
    ...toDocumentSummary(record),
    holder: { name: record.holder.name, idNumberMasked: record.holder.idNumberMasked },
    insured: { name: record.insured.name, idNumberMasked: record.insured.idNumberMasked },
    changes: record.changes,
    effectiveDate: record.effectiveDate,
    annotation: record.annotation,
    purpose: record.purpose,
    // Whose identity the signing needs (the holder, or the insured of a consent document).
    holderCustomerId: signerOf(record).customerId,
    // A trustee's application: the trustee verifies themself for the authorisation they act on.
    ...(record.trustee ? { trusteeAuthorisationId: record.trustee.authorisationId } : {}),
    contentHash: record.contentHash,
    signature: record.signature
      ? {
          signerName: record.signature.signerName,
          signedAt: new Date(record.signature.signedAt).toISOString(),
          verificationMethod: record.signature.verificationMethod,
          hostedByAgent: record.signature.hostedByAgentId !== null,
        }
      : null,
    pdf: record.sealed
      ? {
          sha256: record.sealed.sha256,
          bytes: record.sealed.bytes,
          sealedAt: new Date(record.sealed.sealedAt).toISOString(),
        }
      : null,
    ...access,
  };
}

const ROLE_LABELS: Record<string, string> = {
  customer: '客户',
  agent: '业务员',
  staff: '员工',
  admin: '管理员',
};

export function toAuditEventView(event: DocumentAuditEvent, kind?: DocumentKind): AuditEventView {
  return {
    type: event.type,
    label: auditEventLabel(kind, event.type),
    at: new Date(event.at).toISOString(),
    actor: event.actorRole
      ? `${ROLE_LABELS[event.actorRole] ?? event.actorRole} ${event.actorUserId ?? ''}`.trim()
      : '系统',
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
    hashBefore: event.hashBefore,
    hashAfter: event.hashAfter,
    detail: event.detail,
  };
}

/** 8800012345 → 8800****45: enough to recognise one's own policy on a public page. */
export function maskPolicyNo(policyNo: string): string {
  if (policyNo.length <= 6) return `${policyNo.slice(0, 1)}${'*'.repeat(Math.max(0, policyNo.length - 1))}`;
  return `${policyNo.slice(0, 4)}${'*'.repeat(policyNo.length - 6)}${policyNo.slice(-2)}`;
}

/** Free text (an address) on a public page: the shared masker's. */
export { maskFreeText } from '../privacy/mask';
