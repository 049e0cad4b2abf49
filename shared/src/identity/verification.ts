import * as z from 'zod/mini';
import { AUTHORISATION_ID } from '../authorisations/schemas';
import type { VerificationMethod } from '../ports/identity-proofs';

/**
 * Identity verification (刷脸认证 and the paths without the face): the API contract and the rules
 * every method shares. A success proves one customer's identity for one purpose for 10 minutes.
 */

/** A success counts for this long, and only for the purpose it was started for. */
export const VERIFICATION_VALIDITY_MS = 10 * 60_000;
/** Failed face attempts per customer and Shanghai calendar day before the face path locks. */
export const MAX_FACE_FAILURES_PER_DAY = 5;
/** WeChat's verify_id lives at most this long (getverifyid `expires_in`, default 3600 s). */
export const FACE_SESSION_MAX_SECONDS = 3600;

/** Separate consent for face and ID-card processing (PIPL Art. 28–29); bump when the text changes. */
export const FACE_ID_CONSENT_VERSION = '2026-11-25';
export const FACE_ID_CONSENT_TEXT =
  '为核实您的身份，我们将处理您的身份证件信息（姓名、身份证号码、证件照片）和人脸信息。人脸信息由微信人脸核身服务比对，本公司不保存人脸图像；证件照片仅用于本次核验，按《身份核验信息保存规则》到期删除。您可以不同意，改由服务业务员当面核验或上传证件及自拍视频由人工审核。';

export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  face: '人脸核身',
  agent_attestation: '业务员当面核验',
  staff_review: '人工审核',
};

/** `document:D20261125-0001`, `endorsement:E…`: letters, digits and `:_.-`, one action each. */
export const purpose = z
  .string()
  .check(
    z.trim(),
    z.minLength(3, '缺少核验用途'),
    z.maxLength(128, '核验用途过长'),
    z.regex(/^[A-Za-z][\w.-]*:[\w.:-]+$/, '核验用途格式不正确'),
  );
const customerId = z.string().check(z.regex(/^[\w-]{1,64}$/, '客户编号格式不正确'));

/**
 * What a verification is for, as a person reads it: 「签署电子批单 PD…」 for `document:PD…`,
 * 「保全申请 EA…」 for `endorsement:EA…` (「被保险人同意」 for its `:insured` part), 「本次业务」
 * for anything else rather than the internal key.
 */
export function purposeLabel(value: string): string {
  const [kind, id, part] = value.split(':');
  if (kind === 'document' && id) return `签署电子批单 ${id}`;
  if (kind === 'endorsement' && id)
    return part === 'insured' ? `保全申请 ${id}（被保险人同意）` : `保全申请 ${id}`;
  return '本次业务';
}

export const IdentityConsentRequestSchema = z.strictObject({
  version: z.string().check(z.minLength(1, '请先阅读并同意身份核验授权'), z.maxLength(32)),
});
export const IdentityConsentResponseSchema = z.object({ version: z.string(), consentedAt: z.string() });

const trusteeAuthorisationId = z.optional(z.string().check(z.regex(AUTHORISATION_ID, '授权编号格式不正确')));
export const IdentityStatusQuerySchema = z.object({
  purpose,
  customerId: z.optional(customerId),
  /** A trustee's status for what they do on this video authorisation. */
  authorisationId: trusteeAuthorisationId,
});

export const VerificationViewSchema = z.object({
  verificationId: z.string(),
  customerId: z.string(),
  purpose: z.string(),
  method: z.enum(['face', 'agent_attestation', 'staff_review']),
  result: z.enum(['success', 'failure']),
  /** Why a failure failed, in Chinese; null for a success. */
  reason: z.nullable(z.string()),
  at: z.number(),
  /** Epoch ms until which a success counts (null for a failure). */
  validUntil: z.nullable(z.number()),
});
export type VerificationView = z.infer<typeof VerificationViewSchema>;

export const StartFaceVerificationRequestSchema = z.strictObject({
  purpose,
  /** An agent verifying a customer present on the agent's device; customers omit it. */
  customerId: z.optional(customerId),
  /** A trustee verifying themself for what they do on this video authorisation. */
  authorisationId: trusteeAuthorisationId,
});
export const FaceSessionSchema = z.object({
  attemptId: z.string(),
  verifyId: z.string(),
  expiresAt: z.number(),
  faceProvider: z.enum(['wechat', 'sandbox']),
});
export type FaceSession = z.infer<typeof FaceSessionSchema>;

export const AttemptPathSchema = z.object({
  attemptId: z.string().check(z.regex(/^[\w-]{8,64}$/, '核验编号格式不正确')),
});
export const VerifyIdPathSchema = z.object({
  verifyId: z.string().check(z.regex(/^[\w.-]{8,256}$/, '核身会话编号格式不正确')),
});

/**
 * What the sandbox screen may answer, mapped to WeChat's verify_ret codes so the whole server path
 * (the same mapping of codes to messages) runs locally.
 */
export const SANDBOX_FACE_OUTCOMES = {
  success: 10000,
  face_mismatch: 10004,
  id_mismatch: 10003,
  user_cancelled: 90004,
  camera_denied: 90008,
} as const;
export type SandboxFaceOutcome = keyof typeof SANDBOX_FACE_OUTCOMES;
export const SANDBOX_FACE_OUTCOME_LABELS: Record<SandboxFaceOutcome, string> = {
  success: '核身成功（本人）',
  face_mismatch: '人脸比对未通过',
  id_mismatch: '身份证号与姓名不匹配',
  user_cancelled: '用户中途取消',
  camera_denied: '未授权使用摄像头',
};
export const SandboxFaceAnswerSchema = z.strictObject({
  outcome: z.enum(
    /* @__PURE__ */ Object.keys(SANDBOX_FACE_OUTCOMES) as [SandboxFaceOutcome, ...SandboxFaceOutcome[]],
  ),
});

/**
 * verify_ret (queryverifyinfo) and the client's 9000x codes as the user should read them.
 * Only 10000 is a success.
 */
export function faceResultMessage(verifyRet: number): string {
  const known: Record<number, string> = {
    10000: '人脸核身成功',
    10001: '核身参数有误，请重新发起刷脸认证',
    10002: '未检测到清晰的人脸，请在光线充足处正对屏幕重试',
    10003: '身份证号与姓名不匹配，请核对证件信息',
    10004: '人脸比对未通过',
    90001: '您的设备不支持人脸核身，请改用业务员当面核验或人工审核',
    90007: '网络异常，人脸核身未完成，请稍后重试',
    90008: '未授权使用摄像头，请在设置中允许后重试',
    90009: '未授权使用麦克风，请在设置中允许后重试',
    90010: '未授权使用摄像头和麦克风，请在设置中允许后重试',
    90017: '识别超时，请重试',
    90109: '您的设备不支持人脸核身，请改用业务员当面核验或人工审核',
  };
  const message = known[verifyRet];
  if (message) return message;
  if (verifyRet >= 90002 && verifyRet <= 90006) return '您已取消人脸核身';
  if (verifyRet >= 90000) return '人脸核身未完成，请稍后重试';
  return '人脸核身未通过，请重试';
}

// The paths without the face (required by law: face recognition must never be the only way).

/**
 * The assigned agent, in person, on their own device: first a one-time code is texted to the
 * customer's phone on file (nothing the agent's screens show), then the agent confirms they
 * compared the original card with the person present and types the code the customer reads out.
 */
export const SendAttestationCodeRequestSchema = z.strictObject({ purpose, customerId });
export const AttestationCodeSentSchema = z.object({
  /** The phone on file, masked (138****0001). */
  sentTo: z.string(),
  resendAfterSeconds: z.number(),
  expiresInSeconds: z.number(),
});
export type AttestationCodeSent = z.infer<typeof AttestationCodeSentSchema>;

export const AttestIdentityRequestSchema = z.strictObject({
  purpose,
  customerId,
  /** The agent confirms they compared the original card with the person present. */
  cardChecked: z.literal(true, '请确认已当面核对客户本人及身份证原件'),
  /** The code texted to the customer's phone on file, read out by the customer. */
  code: z
    .string('请输入客户收到的 6 位短信验证码')
    .check(z.trim(), z.regex(/^\d{6}$/, '请输入客户收到的 6 位短信验证码')),
});

const uploadId = z.string().check(z.regex(/^[\w-]{8,64}$/, '上传编号格式不正确'));
export const SubmitIdentityReviewRequestSchema = z.strictObject({
  purpose,
  customerId: z.optional(customerId),
  /** A trustee whose document is not a 居民身份证: reviewed by staff under `trustee:<userId>`. */
  authorisationId: trusteeAuthorisationId,
  frontUploadId: uploadId,
  backUploadId: uploadId,
  videoUploadId: uploadId,
});

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待审核',
  approved: '审核通过',
  rejected: '审核未通过',
};

export const IdentityReviewSchema = z.object({
  reviewId: z.string(),
  customerId: z.string(),
  purpose: z.string(),
  status: z.enum(REVIEW_STATUSES),
  reason: z.nullable(z.string()),
  submittedAt: z.number(),
  decidedAt: z.nullable(z.number()),
});
export type IdentityReview = z.infer<typeof IdentityReviewSchema>;

/** What a reviewer sees: masked personal data and short-lived links to the files. */
export const ReviewQueueItemSchema = z.object({
  reviewId: z.string(),
  customerId: z.string(),
  customerNameMasked: z.string(),
  idNumberMasked: z.string(),
  /** The document to compare: 居民身份证, or a trustee's passport / permit as their authorisation records it. */
  documentTypeLabel: z.optional(z.string()),
  /** A trustee's review: the video authorisation they act on. */
  authorisationId: z.optional(z.string()),
  branchPath: z.string(),
  purpose: z.string(),
  submittedAt: z.number(),
  frontImageUrl: z.string(),
  backImageUrl: z.string(),
  videoUrl: z.string(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;
export const ReviewQueueSchema = z.object({ reviews: z.array(ReviewQueueItemSchema) });

export const ReviewPathSchema = z.object({
  reviewId: z.string().check(z.regex(/^[\w-]{8,64}$/, '审核编号格式不正确')),
});
export const DecideIdentityReviewRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '原因不能超过 200 字'))),
});

/** The answer to a completed face attempt: the record, and where the daily lock stands. */
export const VerificationOutcomeSchema = z.object({
  verification: VerificationViewSchema,
  faceFailuresToday: z.number(),
  faceLockedUntil: z.nullable(z.number()),
});
export type VerificationOutcome = z.infer<typeof VerificationOutcomeSchema>;

export const IdentityStatusSchema = z.object({
  customerId: z.string(),
  /** The customer's name masked (`张*`), so an agent sees whom they verify. */
  customerNameMasked: z.string(),
  purpose: z.string(),
  consentVersion: z.string(),
  consented: z.boolean(),
  /** A success for this purpose that still counts, or null. */
  verified: z.nullable(VerificationViewSchema),
  faceFailuresToday: z.number(),
  maxFaceFailuresPerDay: z.number(),
  /** Epoch ms until which the face path is locked (the next Shanghai midnight), or null. */
  faceLockedUntil: z.nullable(z.number()),
  /** The face provider the server uses: the mini program shows the sandbox screen for `sandbox`. */
  faceProvider: z.enum(['wechat', 'sandbox']),
  /** The newest staff review submitted for this purpose, or null. */
  review: z.nullable(IdentityReviewSchema),
  /**
   * False for a trustee whose recorded document is not a 居民身份证: WeChat face verification
   * cannot compare it, so their path is 人工审核. Absent (true) otherwise.
   */
  faceAvailable: z.optional(z.boolean()),
  /** The document the subject proves their identity with (a trustee's as recorded). */
  documentTypeLabel: z.optional(z.string()),
});
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;
