import type { RouteSpec } from '../api/route-spec';
import {
  CheckIdCardRequestSchema,
  CreateUploadRequestSchema,
  IdCardResultSchema,
  UploadTicketSchema,
} from './id-card';
import {
  AttestationCodeSentSchema,
  AttestIdentityRequestSchema,
  DecideIdentityReviewRequestSchema,
  FaceSessionSchema,
  IdentityConsentRequestSchema,
  IdentityConsentResponseSchema,
  IdentityReviewSchema,
  IdentityStatusSchema,
  ReviewQueueSchema,
  SandboxFaceAnswerSchema,
  SendAttestationCodeRequestSchema,
  StartFaceVerificationRequestSchema,
  SubmitIdentityReviewRequestSchema,
  VerificationOutcomeSchema,
  VerificationViewSchema,
} from './verification';

export const identityRoutes = {
  // Identity verification (刷脸认证; docs/identity-verification.md): consent, status, the face path.
  recordIdentityConsent: {
    method: 'POST',
    path: '/identity/consent',
    auth: 'user',
    request: IdentityConsentRequestSchema,
    response: IdentityConsentResponseSchema,
  },
  getIdentityStatus: {
    method: 'GET',
    path: '/identity/status',
    auth: 'user',
    response: IdentityStatusSchema,
  },
  startFaceVerification: {
    method: 'POST',
    path: '/identity/face',
    auth: 'user',
    request: StartFaceVerificationRequestSchema,
    response: FaceSessionSchema,
  },
  completeFaceVerification: {
    method: 'POST',
    path: '/identity/face/{attemptId}/result',
    auth: 'user',
    response: VerificationOutcomeSchema,
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
    response: UploadTicketSchema,
  },
  checkIdCard: {
    method: 'POST',
    path: '/identity/id-card',
    auth: 'user',
    request: CheckIdCardRequestSchema,
    response: IdCardResultSchema,
  },
  // The paths without the face: the assigned agent in person (with a code texted to the customer's
  // phone on file), or staff review of photos + a selfie video.
  sendAttestationCode: {
    method: 'POST',
    path: '/identity/attestations/code',
    auth: 'user',
    request: SendAttestationCodeRequestSchema,
    response: AttestationCodeSentSchema,
  },
  attestIdentity: {
    method: 'POST',
    path: '/identity/attestations',
    auth: 'user',
    request: AttestIdentityRequestSchema,
    response: VerificationViewSchema,
  },
  submitIdentityReview: {
    method: 'POST',
    path: '/identity/reviews',
    auth: 'user',
    request: SubmitIdentityReviewRequestSchema,
    response: IdentityReviewSchema,
  },
  listIdentityReviews: {
    method: 'GET',
    path: '/identity/reviews',
    auth: 'user',
    response: ReviewQueueSchema,
  },
  decideIdentityReview: {
    method: 'POST',
    path: '/identity/reviews/{reviewId}/decision',
    auth: 'user',
    request: DecideIdentityReviewRequestSchema,
    response: IdentityReviewSchema,
  },
} as const satisfies Record<string, RouteSpec>;
