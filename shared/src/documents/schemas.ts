import * as z from 'zod/mini';
import { AUDIT_EVENT_TYPES, DOCUMENT_KINDS, DOCUMENT_STATUSES } from './model';

/**
 * The documents API contract: the application (申请书) signed by the customer, the 批单 issued when
 * the change takes effect, delivery, public verification.
 */

export const documentId = z.string().check(z.regex(/^PD\d{8}[A-Z0-9]{6}$/, '批单号格式不正确'));
export const DocumentPathSchema = z.object({ documentId });

const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/, '内容摘要格式不正确'));
const uploadId = z.string().check(z.regex(/^[0-9a-f-]{36}$/, '上传编号格式不正确'));

export const ChangeRowSchema = z.object({ label: z.string(), before: z.string(), after: z.string() });

const VoidedViewSchema = z.object({ reason: z.string(), at: z.string() });

export const DocumentSummarySchema = z.object({
  documentId: z.string(),
  /** application (申请书) or endorsement (批单); a record stored before the two kinds: endorsement. */
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  changeType: z.string(),
  policyNo: z.string(),
  productName: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  /** The status as the customer reads it (已签署·待生效, 已撤销·未生效, 已作废…). */
  statusLabel: z.string(),
  createdAt: z.string(),
  signedAt: z.nullable(z.string()),
  /** When the change took effect (an application; a 批单 is effective from its issue). */
  effectiveAt: z.nullable(z.string()),
  voided: z.nullable(VoidedViewSchema),
  /** An application: the 批单 issued for it. A 批单: the application it confirms. */
  endorsementDocumentId: z.nullable(z.string()),
  applicationDocumentId: z.nullable(z.string()),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export const DocumentListResponseSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export type DocumentListResponse = z.infer<typeof DocumentListResponseSchema>;

const PartyViewSchema = z.object({ name: z.string(), idNumberMasked: z.string() });

export const DocumentDetailSchema = z.extend(DocumentSummarySchema, {
  holder: PartyViewSchema,
  insured: PartyViewSchema,
  changes: z.array(ChangeRowSchema),
  effectiveDate: z.string(),
  annotation: z.string(),
  /** What identity verification must name before signing, and for whom (an agent passes it on). */
  purpose: z.string(),
  holderCustomerId: z.string(),
  /** A trustee's application: the video authorisation the trustee verifies themself for. */
  trusteeAuthorisationId: z.optional(z.string()),
  /** SHA-256 of exactly the content shown; the sign request repeats it. */
  contentHash: z.string(),
  signature: z.nullable(
    z.object({
      signerName: z.string(),
      signedAt: z.string(),
      verificationMethod: z.string(),
      hostedByAgent: z.boolean(),
    }),
  ),
  pdf: z.nullable(z.object({ sha256: z.string(), bytes: z.number(), sealedAt: z.string() })),
  /** Whether this viewer may sign it (the policyholder, or the assigned agent's device hosting them). */
  canSign: z.boolean(),
  /** Whether the holder's identity is verified for `purpose` now (signing needs it). */
  identityVerified: z.boolean(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

/** Where the signing screen PUTs the strokes (JSON) and the image (PNG); both expire quickly. */
export const SignatureUploadResponseSchema = z.object({
  uploadId: z.string(),
  strokes: z.object({ url: z.string(), contentType: z.literal('application/json') }),
  image: z.object({ url: z.string(), contentType: z.literal('image/png') }),
  expiresAt: z.string(),
  maxBytes: z.object({ strokes: z.number(), image: z.number() }),
});
export type SignatureUploadResponse = z.infer<typeof SignatureUploadResponseSchema>;

export const SignDocumentRequestSchema = z.strictObject({ uploadId, contentHash: sha256Hex });
export type SignDocumentRequest = z.infer<typeof SignDocumentRequestSchema>;

export const DocumentLinkResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type DocumentLinkResponse = z.infer<typeof DocumentLinkResponseSchema>;

export const AuditEventViewSchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES),
  label: z.string(),
  at: z.string(),
  actor: z.string(),
  sourceIp: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  hashBefore: z.nullable(z.string()),
  hashAfter: z.nullable(z.string()),
  detail: z.nullable(z.string()),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;
export const AuditTrailResponseSchema = z.object({
  documentId: z.string(),
  events: z.array(AuditEventViewSchema),
});
export type AuditTrailResponse = z.infer<typeof AuditTrailResponseSchema>;

/** A PDF to verify, base64 in JSON (this route alone accepts bodies up to VERIFY_MAX_PDF_BYTES). */
export const VERIFY_MAX_PDF_BYTES = 2 * 1024 * 1024;
export const VerifyDocumentRequestSchema = z.strictObject({
  pdfBase64: z
    .string()
    .check(
      z.minLength(1, '请上传 PDF 文件'),
      z.maxLength(Math.ceil(VERIFY_MAX_PDF_BYTES / 3) * 4, '文件过大（上限 2 MB）'),
      z.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不是有效的 base64'),
    ),
});
export type VerifyDocumentRequest = z.infer<typeof VerifyDocumentRequestSchema>;

export const VERIFY_VERDICTS = [
  'valid',
  'voided',
  'not_effective',
  'modified',
  'foreign_signature',
  'unsigned',
  'not_issued',
] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];

export const VerifyDocumentResponseSchema = z.object({
  verdict: z.enum(VERIFY_VERDICTS),
  /** Ours, unchanged since we signed it, and in force (an effective 批单 or application). */
  genuine: z.boolean(),
  message: z.string(),
  document: z.nullable(
    z.object({
      documentId: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      statusLabel: z.string(),
      changeType: z.string(),
      policyNoMasked: z.string(),
      holderNameMasked: z.string(),
      changes: z.array(ChangeRowSchema),
      effectiveDate: z.string(),
      signedAt: z.nullable(z.string()),
      sealedAt: z.nullable(z.string()),
      effectiveAt: z.nullable(z.string()),
      voided: z.nullable(VoidedViewSchema),
      endorsementDocumentId: z.nullable(z.string()),
      applicationDocumentId: z.nullable(z.string()),
    }),
  ),
  signer: z.nullable(z.object({ subject: z.string(), signedAt: z.nullable(z.string()) })),
});
export type VerifyDocumentResponse = z.infer<typeof VerifyDocumentResponseSchema>;
