import type { VerificationMethod, VerificationPurpose } from '../ports/identity-proofs';

/**
 * Electronic documents: the record as the use cases see it. Two kinds:
 * - the application (申请书, or the insured's 被保险人同意书): what the customer asks to change,
 *   signed by the customer; the insurer's digital signature over it only protects its integrity
 *   and never says the insurer agrees. Awaiting signature → signed (待生效) → effective when the
 *   change takes effect, or voided when the application is cancelled or rejected.
 * - the endorsement (批单): the insurer's certificate that the change took effect 「本公司同意…批改」,
 *   issued and sealed only then, referencing the signed application; effective, or voided later.
 * A record stored before the two kinds existed has no `kind`: it stays what it was, a 批单 the
 * customer signed and the insurer sealed at signing.
 * Values that are personal data (ID numbers, phones, bank accounts) are masked when the document
 * is prepared, so neither the record, the PDF nor any view carries them in full.
 */
export const DOCUMENT_KINDS = ['application', 'endorsement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['awaiting_signature', 'signed', 'effective', 'voided'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** A 批单 (and a record stored before the two kinds existed). */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  awaiting_signature: '待签署',
  signed: '已签署',
  effective: '已生效',
  voided: '已作废',
};
/** An application: signed is not yet effective; a voided one never took effect. */
export const APPLICATION_STATUS_LABELS: Record<DocumentStatus, string> = {
  awaiting_signature: '待签署',
  signed: '已签署·待生效',
  effective: '已生效',
  voided: '未生效',
};

export function documentStatusLabel(record: { kind?: DocumentKind | null; status: DocumentStatus }): string {
  return (record.kind === 'application' ? APPLICATION_STATUS_LABELS : DOCUMENT_STATUS_LABELS)[record.status];
}

/** What the document is called where it is listed and printed. */
export function documentNoun(record: { kind?: DocumentKind | null }): '申请书' | '批单' {
  return record.kind === 'application' ? '申请书' : '批单';
}

/** Why and when a document stopped counting (a cancelled or rejected application, a voided 批单). */
export interface VoidedRecord {
  reason: string;
  at: number;
  /** Who voided it (a user id), or null for the system. */
  byUserId: string | null;
}

/** One line of the change table: what the field was and what it becomes. */
export interface DocumentChangeRow {
  label: string;
  before: string;
  after: string;
}

export interface DocumentParty {
  customerId: string;
  name: string;
  idNumberMasked: string;
}

/** The customer's act of signing, with everything it relied on. */
export interface SignatureRecord {
  signatureId: string;
  /** Always the policyholder: an agent may hold the device, never sign. */
  signerCustomerId: string;
  signerName: string;
  signedByUserId: string;
  /** Set when the screen ran on the assigned agent's device for a customer present in person. */
  hostedByAgentId: string | null;
  verificationId: string;
  verificationMethod: VerificationMethod;
  /** SHA-256 (hex) of the document content the customer saw and signed. */
  contentHash: string;
  signedAt: number;
  sourceIp: string | null;
  userAgent: string | null;
  strokesKey: string;
  imageKey: string;
  imageSha256: string;
}

/** The insurer-signed PDF as stored. */
export interface SealedPdfRecord {
  key: string;
  sha256: string;
  bytes: number;
  sealedAt: number;
  certificateSubject: string;
  certificateSerial: string;
}

export interface DocumentRecord {
  /** The document number (申请书号 or 批单号), e.g. `PD20261125K7Q2M9`. */
  documentId: string;
  /** Absent on records stored before applications and 批单 were separate documents. */
  kind?: DocumentKind;
  title: string;
  /** What kind of change it confirms, e.g. 联系方式变更. */
  changeType: string;
  policyNo: string;
  productName: string;
  holder: DocumentParty;
  insured: DocumentParty;
  /** The policy's branch path: staff of this subtree may open the document. */
  branchPath: string;
  changes: DocumentChangeRow[];
  effectiveDate: string;
  /** The standard annotation (批注) printed under the change table. */
  annotation: string;
  /** What identity verification must name: `document:<documentId>` or `endorsement:<id>`. */
  purpose: VerificationPurpose;
  /** SHA-256 (hex) of documentContent(record). */
  contentHash: string;
  status: DocumentStatus;
  createdAt: number;
  createdBy: string;
  /**
   * Who signs: the policyholder (the default), or the insured giving their consent to the
   * holder's change (被保险人同意书, e.g. a beneficiary change when holder ≠ insured).
   */
  signerRole?: 'holder' | 'insured';
  /**
   * An application a trustee prepared on an approved video authorisation: the trustee (their
   * account and name) verifies their own identity and signs it for the holder.
   */
  trustee?: { userId: string; name: string; authorisationId: string };
  /**
   * An application staff prepared at the counter on an approved video authorisation: the staff
   * member. The holder's will is the reviewed recording, so nobody signs it: it is created signed
   * (`signature` null) with the counter's note in its annotation and audit trail.
   */
  counter?: { userId: string; name: string; authorisationId: string };
  signature: SignatureRecord | null;
  sealed: SealedPdfRecord | null;
  /** A 批单: the signed application it confirms. */
  applicationDocumentId?: string;
  /** An application: the 批单 issued when it took effect, and when. */
  endorsementDocumentId?: string;
  effectiveAt?: number;
  /** Set when the document stopped counting; status is then `voided`. */
  voided?: VoidedRecord;
  /** Optimistic-concurrency version; signing checks and increments it. */
  version: number;
}

/** What the customer sees before signing and what the content hash covers, in a fixed order. */
export function documentContent(record: Omit<DocumentRecord, 'contentHash'> | DocumentRecord) {
  return {
    documentId: record.documentId,
    title: record.title,
    changeType: record.changeType,
    policyNo: record.policyNo,
    productName: record.productName,
    holder: { name: record.holder.name, idNumberMasked: record.holder.idNumberMasked },
    insured: { name: record.insured.name, idNumberMasked: record.insured.idNumberMasked },
    changes: record.changes.map((row) => ({ label: row.label, before: row.before, after: row.after })),
    effectiveDate: record.effectiveDate,
    annotation: record.annotation,
    // Only records of a kind carry it (older records keep the hash they were signed with).
    ...(record.kind ? { kind: record.kind } : {}),
    ...(record.applicationDocumentId ? { applicationDocumentId: record.applicationDocumentId } : {}),
  };
}

export const AUDIT_EVENT_TYPES = [
  'created',
  'viewed',
  'identity_verified',
  'signed',
  'sealed',
  'delivered',
  'downloaded',
  'effective',
  'voided',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  created: '生成批单',
  viewed: '查看批单',
  identity_verified: '身份核验',
  signed: '客户签名',
  sealed: '公司电子签章',
  delivered: '送达客户',
  downloaded: '下载批单',
  effective: '变更生效',
  voided: '作废',
};
/** The same events of an application, named as such. */
const APPLICATION_AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  ...AUDIT_EVENT_LABELS,
  created: '生成申请书',
  viewed: '查看申请书',
  signed: '申请人签名',
  sealed: '完整性数字签名',
  downloaded: '下载申请书',
  effective: '申请生效（已出具批单）',
  voided: '申请作废（未生效）',
};
const ENDORSEMENT_AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  ...AUDIT_EVENT_LABELS,
  created: '出具批单',
  sealed: '公司电子签章',
  voided: '批单作废',
};

export function auditEventLabel(kind: DocumentKind | undefined, type: AuditEventType): string {
  if (kind === 'application') return APPLICATION_AUDIT_EVENT_LABELS[type];
  if (kind === 'endorsement') return ENDORSEMENT_AUDIT_EVENT_LABELS[type];
  return AUDIT_EVENT_LABELS[type];
}

/** One entry of a document's append-only audit trail. */
export interface DocumentAuditEvent {
  documentId: string;
  type: AuditEventType;
  at: number;
  actorUserId: string | null;
  actorRole: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  /** SHA-256 of the document before and after the event (content hash before sealing, PDF hash after). */
  hashBefore: string | null;
  hashAfter: string | null;
  /** e.g. the verification method and reference, the signer, the certificate. */
  detail: string | null;
}

/** The party who signs the document: the holder, or the insured for a consent document. */
export function signerOf(record: Pick<DocumentRecord, 'holder' | 'insured' | 'signerRole'>): DocumentParty {
  return record.signerRole === 'insured' ? record.insured : record.holder;
}

export const ALREADY_SIGNED_MESSAGE = '该申请书已签署，无需重复签名';

/** Presigned links to documents and signature uploads live five minutes at most. */
export const DOCUMENT_LINK_SECONDS = 300;
/** Where a document's files go; every key is chosen by the server, never by the client. */
export const documentKeys = {
  signatureStrokes: (documentId: string, uploadId: string) =>
    `signatures/${documentId}/${uploadId}/strokes.json`,
  signatureImage: (documentId: string, uploadId: string) =>
    `signatures/${documentId}/${uploadId}/signature.png`,
  sealedPdf: (documentId: string, signatureId: string) => `documents/${documentId}/${signatureId}.pdf`,
  auditCertificate: (documentId: string, at: number) => `documents/${documentId}/audit-certificate-${at}.pdf`,
  /** A 批单 issued when its application took effect (a fresh id per issuing attempt). */
  endorsementPdf: (documentId: string, issueId: string) =>
    `documents/${documentId}/endorsement-${issueId}.pdf`,
};
