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

// Identity verification (刷脸认证; docs/identity-verification.md): consent, status, the face path.
export const recordIdentityConsentRoute = {
  method: 'POST',
  path: '/identity/consent',
  auth: 'user',
  request: IdentityConsentRequestSchema,
  response: responds<typeof IdentityConsentResponseSchema>(),
} as const satisfies RouteSpec;

export const getIdentityStatusRoute = {
  method: 'GET',
  path: '/identity/status',
  auth: 'user',
  response: responds<typeof IdentityStatusSchema>(),
} as const satisfies RouteSpec;

export const startFaceVerificationRoute = {
  method: 'POST',
  path: '/identity/face',
  auth: 'user',
  request: StartFaceVerificationRequestSchema,
  response: responds<typeof FaceSessionSchema>(),
} as const satisfies RouteSpec;

export const completeFaceVerificationRoute = {
  method: 'POST',
  path: '/identity/face/{attemptId}/result',
  auth: 'user',
  response: responds<typeof VerificationOutcomeSchema>(),
} as const satisfies RouteSpec;

/** Local stage only (404 elsewhere): the 「模拟人脸核身」 screen's answer for a session. */
export const answerSandboxFaceVerificationRoute = {
  method: 'POST',
  path: '/identity/face/sandbox/{verifyId}',
  auth: 'user',
  request: SandboxFaceAnswerSchema,
} as const satisfies RouteSpec;

// ID-card OCR: a presigned upload per photo (or selfie video), then the read and the checks.
export const createIdentityUploadRoute = {
  method: 'POST',
  path: '/identity/uploads',
  auth: 'user',
  request: CreateUploadRequestSchema,
  response: responds<typeof UploadTicketSchema>(),
} as const satisfies RouteSpec;

export const checkIdCardRoute = {
  method: 'POST',
  path: '/identity/id-card',
  auth: 'user',
  request: CheckIdCardRequestSchema,
  response: responds<typeof IdCardResultSchema>(),
} as const satisfies RouteSpec;

// The paths without the face: the assigned agent in person (with a code texted to the customer's
// phone on file), or staff review of photos + a selfie video.
export const sendAttestationCodeRoute = {
  method: 'POST',
  path: '/identity/attestations/code',
  auth: 'user',
  request: SendAttestationCodeRequestSchema,
  response: responds<typeof AttestationCodeSentSchema>(),
} as const satisfies RouteSpec;

export const attestIdentityRoute = {
  method: 'POST',
  path: '/identity/attestations',
  auth: 'user',
  request: AttestIdentityRequestSchema,
  response: responds<typeof VerificationViewSchema>(),
} as const satisfies RouteSpec;

export const submitIdentityReviewRoute = {
  method: 'POST',
  path: '/identity/reviews',
  auth: 'user',
  request: SubmitIdentityReviewRequestSchema,
  response: responds<typeof IdentityReviewSchema>(),
} as const satisfies RouteSpec;

export const listIdentityReviewsRoute = {
  method: 'GET',
  path: '/identity/reviews',
  auth: 'user',
  response: responds<typeof ReviewQueueSchema>(),
} as const satisfies RouteSpec;

export const decideIdentityReviewRoute = {
  method: 'POST',
  path: '/identity/reviews/{reviewId}/decision',
  auth: 'user',
  request: DecideIdentityReviewRequestSchema,
  response: responds<typeof IdentityReviewSchema>(),
} as const satisfies RouteSpec;

export const identityRoutes = {
  recordIdentityConsent: recordIdentityConsentRoute,
  getIdentityStatus: getIdentityStatusRoute,
  startFaceVerification: startFaceVerificationRoute,
  completeFaceVerification: completeFaceVerificationRoute,
  answerSandboxFaceVerification: answerSandboxFaceVerificationRoute,
  createIdentityUpload: createIdentityUploadRoute,
  checkIdCard: checkIdCardRoute,
  sendAttestationCode: sendAttestationCodeRoute,
  attestIdentity: attestIdentityRoute,
  submitIdentityReview: submitIdentityReviewRoute,
  listIdentityReviews: listIdentityReviewsRoute,
  decideIdentityReview: decideIdentityReviewRoute,
} as const satisfies Record<string, RouteSpec>;
