import { type RouteSpec, responds } from '../api/route-spec';
import {
  CheckIdCardRequestSchema,
  CreateUploadRequestSchema,
  type IdCardResultSchema,
  type UploadTicketSchema,
} from './id-card';
import {
  type AttestationCodeSentSchema,
  AttestIdentityRequestSchema,
  DecideIdentityReviewRequestSchema,
  type FaceSessionSchema,
  IdentityConsentRequestSchema,
  type IdentityConsentResponseSchema,
  type IdentityReviewSchema,
  type IdentityStatusSchema,
  type ReviewQueueSchema,
  SandboxFaceAnswerSchema,
  SendAttestationCodeRequestSchema,
  StartFaceVerificationRequestSchema,
  SubmitIdentityReviewRequestSchema,
  type VerificationOutcomeSchema,
  type VerificationViewSchema,
} from './verification';

export const identityRoutes = {
  // Identity verification (刷脸认证; docs/identity-verification.md): consent, status, the face path.
  recordIdentityConsent: {
    method: 'POST',
    path: '/identity/consent',
    auth: 'user',
    request: IdentityConsentRequestSchema,
    response: responds<typeof IdentityConsentResponseSchema>(),
  },
  getIdentityStatus: {
    method: 'GET',
    path: '/identity/status',
    auth: 'user',
    response: responds<typeof IdentityStatusSchema>(),
  },
  startFaceVerification: {
    method: 'POST',
    path: '/identity/face',
    auth: 'user',
    request: StartFaceVerificationRequestSchema,
    response: responds<typeof FaceSessionSchema>(),
  },
  completeFaceVerification: {
    method: 'POST',
    path: '/identity/face/{attemptId}/result',
    auth: 'user',
    response: responds<typeof VerificationOutcomeSchema>(),
  },
  /** Local stage only (404 elsewhere): the 「模拟人脸核身」 screen's answer for a session. */
  answerSandboxFaceVerification: {
    method: 'POST',
    path: '/identity/face/sandbox/{verifyId}',
    auth: 'user',
    request: SandboxFaceAnswerSchema,
  },
  // ID-card OCR: a presigned upload per photo (or selfie video), then the read and the checks.
  createIdentityUpload: {
    method: 'POST',
    path: '/identity/uploads',
    auth: 'user',
    request: CreateUploadRequestSchema,
    response: responds<typeof UploadTicketSchema>(),
  },
  checkIdCard: {
    method: 'POST',
    path: '/identity/id-card',
    auth: 'user',
    request: CheckIdCardRequestSchema,
    response: responds<typeof IdCardResultSchema>(),
  },
  // The paths without the face: the assigned agent in person (with a code texted to the customer's
  // phone on file), or staff review of photos + a selfie video.
  sendAttestationCode: {
    method: 'POST',
    path: '/identity/attestations/code',
    auth: 'user',
    request: SendAttestationCodeRequestSchema,
    response: responds<typeof AttestationCodeSentSchema>(),
  },
  attestIdentity: {
    method: 'POST',
    path: '/identity/attestations',
    auth: 'user',
    request: AttestIdentityRequestSchema,
    response: responds<typeof VerificationViewSchema>(),
  },
  submitIdentityReview: {
    method: 'POST',
    path: '/identity/reviews',
    auth: 'user',
    request: SubmitIdentityReviewRequestSchema,
    response: responds<typeof IdentityReviewSchema>(),
  },
  listIdentityReviews: {
    method: 'GET',
    path: '/identity/reviews',
    auth: 'user',
    response: responds<typeof ReviewQueueSchema>(),
  },
  decideIdentityReview: {
    method: 'POST',
    path: '/identity/reviews/{reviewId}/decision',
    auth: 'user',
    request: DecideIdentityReviewRequestSchema,
    response: responds<typeof IdentityReviewSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
