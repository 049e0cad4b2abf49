import * as z from 'zod/mini';
import { AUTHORISATION_STATUSES } from './status';

/**
 * The authorisations context's HTTP shapes. An authorisation's reference (授权编号) is its id:
 * `SQ` + the Shanghai date it was started + 8 hex characters, e.g. `SQ20261205A1B2C3D4`.
 */
export const AUTHORISATION_ID = /^SQ\d{8}[0-9A-F]{8}$/;
export const AuthorisationPathSchema = z.object({
  authorisationId: z.string().check(z.regex(AUTHORISATION_ID, '授权编号格式不正确')),
});
export const VideoPartPathSchema = z.object({
  authorisationId: z.string().check(z.regex(AUTHORISATION_ID, '授权编号格式不正确')),
  partNumber: z.string().check(z.regex(/^[1-9]\d{0,2}$/, '分片序号应为 1–999 的整数')),
});

/** Separate consent to the recording (PIPL Art. 28–29); bump the version when the text changes. */
export const VIDEO_CONSENT_VERSION = '2026-12-05';
export const VIDEO_CONSENT_TEXT =
  '录像授权需要处理您的人脸影像、声音和证件照片，属于敏感个人信息，仅用于核实您本人的委托意愿并作为委托的凭证。录像及证件照片存储于中国境内（中国大陆）的服务器，加密保存至所涉保单终止后十年；审核未通过的录像在申诉期满后删除。您可以不同意，改为邮寄纸质授权委托书。';

/** The document's photo page: JPEG or PNG, at most 5 MB. */
export const MAX_DOCUMENT_PHOTO_BYTES = 5 * 1024 * 1024;
/** The recording: MP4 (WeChat's camera) or WebM (browsers), at most 100 MB, 15 s – 3 min. */
export const MAX_VIDEO_MB = 100;
export const MAX_VIDEO_BYTES = MAX_VIDEO_MB * 1024 * 1024;
/** Marked pure so that a bundle without the schema that says it drops it (a template literal's
 * interpolation is a possible side effect to esbuild). */
/* @__NO_SIDE_EFFECTS__ */
export function videoTooLarge() {
  return `视频超过 ${MAX_VIDEO_MB} MB，请缩短录制时长后重新录制`;
}
export const MIN_VIDEO_SECONDS = 15;
export const MAX_VIDEO_SECONDS = 180;
/** Each part of the upload but the last: S3's smallest allowed part. */
export const VIDEO_PART_BYTES = 5 * 1024 * 1024;
export const UPLOAD_URL_SECONDS = 900;
/**
 * A rejected authorisation's customer may appeal within this many days of the decision; then its
 * recording is deleted (docs/authorisations.md, retention).
 */
export const APPEAL_WINDOW_DAYS = 30;
/**
 * Evidence is locked (governance mode) for the named policies' life plus this many years
 * (保险法 Art. 87; `retention.ts` computes and extends the date).
 */
export const EVIDENCE_RETENTION_YEARS = 10;

export const ConsentRequestSchema = z.strictObject({
  version: z.string('请阅读并同意录像授权的个人信息处理规则'),
});

export const StartVideoUploadRequestSchema = z.strictObject({
  sizeBytes: z
    .number('请提供视频大小')
    .check(
      z.int('视频大小应为整数字节'),
      z.minimum(1, '视频为空，请重新录制'),
      z.maximum(MAX_VIDEO_BYTES, videoTooLarge()),
    ),
});

export const PresignVideoPartsRequestSchema = z.strictObject({
  partNumbers: z
    .array(
      z.number('分片序号应为整数').check(z.int('分片序号应为整数'), z.minimum(1, '分片序号从 1 开始')),
      '请以列表形式指定要上传的分片序号',
    )
    .check(z.minLength(1, '请指定要上传的分片'), z.maxLength(20, '一次最多申请 20 个分片的上传地址')),
});

export const RecordVideoPartRequestSchema = z.strictObject({
  /** The part's ETag as S3 returned it on the PUT. */
  etag: z.string('请提供分片的 ETag').check(z.regex(/^"?[0-9a-fA-F]{32}"?$/, '分片的 ETag 格式不正确')),
});

const UploadedPartSchema = z.object({ partNumber: z.number(), etag: z.string() });
export const VideoUploadSchema = z.object({
  sizeBytes: z.number(),
  partBytes: z.number(),
  partCount: z.number(),
  /** The parts the server has recorded: a dropped connection resumes with the others. */
  uploadedParts: z.array(UploadedPartSchema),
  startedAt: z.string(),
});
export type VideoUpload = z.infer<typeof VideoUploadSchema>;

export const PartUrlsSchema = z.object({
  parts: z.array(z.object({ partNumber: z.number(), url: z.string() })),
  expiresAt: z.string(),
});

export const DocumentPhotoTicketSchema = z.object({
  uploadUrl: z.string(),
  contentType: z.string(),
  maxBytes: z.number(),
  expiresAt: z.string(),
});

const MaskedFieldsSchema = z.object({
  policyNos: z.array(z.string()),
  matters: z.array(z.object({ type: z.string(), label: z.string() })),
  trustee: z.object({
    name: z.string(),
    idTypeLabel: z.string(),
    idNumberMasked: z.string(),
    relation: z.string(),
    phoneMasked: z.string(),
  }),
  refundAccount: z.nullable(z.object({ bankName: z.string(), accountMasked: z.string() })),
  validUntil: z.string(),
  document: z.object({ typeLabel: z.string(), numberMasked: z.string(), expiresOn: z.string() }),
});

const RecordingSchema = z.object({
  contentType: z.string(),
  sizeBytes: z.number(),
  durationSeconds: z.number(),
  sha256: z.string(),
  recordedAt: z.string(),
});

export const AuthorisationViewSchema = z.object({
  authorisationId: z.string(),
  status: z.enum(AUTHORISATION_STATUSES),
  statusLabel: z.string(),
  fields: MaskedFieldsSchema,
  /** The read-aloud script in full, for the customer to read (their own data). */
  script: z.string(),
  consentedAt: z.nullable(z.string()),
  documentPhotoUploaded: z.boolean(),
  videoUpload: z.nullable(VideoUploadSchema),
  recording: z.nullable(RecordingSchema),
  rejectionReason: z.nullable(z.string()),
  createdAt: z.string(),
  submittedAt: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  /** When the customer revoked it; null otherwise. */
  revokedAt: z.nullable(z.string()),
});
export type AuthorisationView = z.infer<typeof AuthorisationViewSchema>;
export const AuthorisationListSchema = z.object({ authorisations: z.array(AuthorisationViewSchema) });

// ---------- staff review ----------

/** What the reviewer checks in the recording, each box ticked before an approval. */
export const REVIEW_CHECKLIST = {
  faceMatchesDocument: '录像中的人脸与证件照片一致',
  everyElementRead: '完整朗读了授权文本的每一项',
  dateCorrect: '朗读的日期正确',
  noSignsOfCoercion: '无受胁迫迹象',
  documentValid: '证件真实有效',
} as const;
export type ReviewCheck = keyof typeof REVIEW_CHECKLIST;
const checklistShape = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ Object.keys(REVIEW_CHECKLIST).map((k) => [k, z.boolean('请逐项核对并勾选')]),
) as Record<ReviewCheck, z.ZodMiniBoolean>;

export const DecideAuthorisationRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], '请选择通过或不通过'),
  checklist: z.strictObject(checklistShape, '请逐项核对并勾选'),
  /** Required to reject: the customer reads it. */
  reason: z.optional(
    z.string('不通过的原因应为文字').check(z.trim(), z.maxLength(200, '不通过的原因请控制在 200 字以内')),
  ),
});
export type DecideAuthorisationRequest = z.infer<typeof DecideAuthorisationRequestSchema>;

export const AUDIT_ACTION_LABELS = {
  video_viewed: '查看录像',
  approved: '审核通过',
  rejected: '审核不通过',
  revoked: '客户撤销授权',
  trustee_bound: '受托人绑定授权',
  retention_extended: '证据保存期延长',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const ReviewListSchema = z.object({
  reviews: z.array(
    z.object({
      authorisationId: z.string(),
      customerName: z.string(),
      policyNos: z.array(z.string()),
      matterLabels: z.array(z.string()),
      submittedAt: z.string(),
    }),
  ),
});

export const ReviewViewSchema = z.object({
  authorisationId: z.string(),
  status: z.enum(AUTHORISATION_STATUSES),
  statusLabel: z.string(),
  customerName: z.string(),
  fields: MaskedFieldsSchema,
  /** The script as the customer was to read it, its numbers masked. */
  script: z.string(),
  recording: z.nullable(z.extend(RecordingSchema, { scriptDate: z.string() })),
  /** Short-lived links (5 min); opening the review is logged as a view of the recording. */
  videoUrl: z.nullable(z.string()),
  documentPhotoUrl: z.nullable(z.string()),
  checklist: z.array(z.object({ key: z.string(), label: z.string() })),
  submittedAt: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  rejectionReason: z.nullable(z.string()),
  audit: z.array(z.object({ action: z.string(), label: z.string(), byUserId: z.string(), at: z.string() })),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;
