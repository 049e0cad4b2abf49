import type * as z from 'zod/mini';
import {
  AssistantReplySchema,
  RateAssistantAnswerRequestSchema,
  SendAssistantMessageRequestSchema,
} from '../assistant/chat';
import { FeedbackReportSchema } from '../assistant/feedback-report';
import {
  CloseHandoffRequestSchema,
  HandoffMessageSchema,
  HandoffMessagesResponseSchema,
  HandoffQueueResponseSchema,
  HandoffSchema,
  LatestHandoffResponseSchema,
  RequestHandoffRequestSchema,
  SendHandoffMessageRequestSchema,
} from '../assistant/handoff';
import {
  BindIdentityRequestSchema,
  DemoSignInRequestSchema,
  DemoUsersResponseSchema,
  MeSchema,
  RefreshRequestSchema,
  SendBindCodeRequestSchema,
  SendBindCodeResponseSchema,
  SessionResponseSchema,
  SignOutRequestSchema,
  WechatSignInRequestSchema,
} from '../auth/schemas';
import {
  BookCallbackRequestSchema,
  CallbackBookingSchema,
  CallbackDayResponseSchema,
  CallbackFollowUpListResponseSchema,
  CallbackFollowUpSchema,
  CallbackSlotSchema,
  CallbackSlotsResponseSchema,
  CreateCallbackSlotsRequestSchema,
  CreateCallbackSlotsResponseSchema,
  MyCallbackResponseSchema,
  RecordCallbackOutcomeRequestSchema,
  RescheduleCallbackRequestSchema,
  ResolveFollowUpRequestSchema,
  SendOnlineCallbackCodeResponseSchema,
  SubmitOnlineCallbackRequestSchema,
  UpdateCallbackSlotRequestSchema,
} from '../callback/schemas';
import {
  AuditTrailResponseSchema,
  DocumentDetailSchema,
  DocumentLinkResponseSchema,
  DocumentListResponseSchema,
  SignatureUploadResponseSchema,
  SignDocumentRequestSchema,
  VerifyDocumentRequestSchema,
  VerifyDocumentResponseSchema,
} from '../documents/schemas';
// Endorsements (保全, issue 6)
import {
  CancelEndorsementRequestSchema,
  CreateEndorsementRequestSchema,
  DecideEndorsementRequestSchema,
  EndorsementApplicationSchema,
  EndorsementListResponseSchema,
  EndorsementOptionsSchema,
  EndorsementReviewQueueSchema,
  SendPhoneCodeResponseSchema,
  SubmitEndorsementRequestSchema,
} from '../endorsement/application';
import {
  CheckIdCardRequestSchema,
  CreateUploadRequestSchema,
  IdCardResultSchema,
  UploadTicketSchema,
} from '../identity/id-card';
import {
  AttestIdentityRequestSchema,
  DecideIdentityReviewRequestSchema,
  FaceSessionSchema,
  IdentityConsentRequestSchema,
  IdentityConsentResponseSchema,
  IdentityReviewSchema,
  IdentityStatusSchema,
  ReviewQueueSchema,
  SandboxFaceAnswerSchema,
  StartFaceVerificationRequestSchema,
  SubmitIdentityReviewRequestSchema,
  VerificationOutcomeSchema,
  VerificationViewSchema,
} from '../identity/verification';
import { IdentifyCallerRequestSchema, IdentifyCallerResponseSchema, ScreenPopSchema } from '../ivr/schemas';
// E-letters and renewal notices (issue 7).
import {
  LetterDetailSchema,
  LetterListResponseSchema,
  LetterSubscriptionSchema,
  LetterSubscriptionsResponseSchema,
  UpdateLetterSubscriptionRequestSchema,
} from '../letters/schemas';
import {
  DebitResultRequestSchema,
  DebitResultResponseSchema,
  NoticeFunnelResponseSchema,
  NoticePreferenceInputSchema,
  NoticePreferencesResponseSchema,
  SandboxSubscribeRequestSchema,
  SandboxSubscribeResponseSchema,
} from '../notices/schemas';
import { CustomerListResponseSchema, PolicyDetailSchema, PolicyListResponseSchema } from '../policy/schemas';
import { ProductDetailSchema, ProductSearchResponseSchema } from '../product/catalogue';

/**
 * The HTTP contract shared by the handlers and the mini program. serverless.yml declares the same
 * routes (a test checks they agree). `auth`: 'public' routes take no token, 'user' routes require
 * one, 'optional' routes serve both and verify a token when one is sent (the assistant's chat).
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  auth: 'public' | 'user' | 'optional';
  request?: z.ZodMiniType;
  response?: z.ZodMiniType;
}

export const routes = {
  signInWithWechat: {
    method: 'POST',
    path: '/auth/wechat',
    auth: 'public',
    request: WechatSignInRequestSchema,
    response: SessionResponseSchema,
  },
  refreshSession: {
    method: 'POST',
    path: '/auth/refresh',
    auth: 'public',
    request: RefreshRequestSchema,
    response: SessionResponseSchema,
  },
  listDemoUsers: {
    method: 'GET',
    path: '/auth/demo-users',
    auth: 'public',
    response: DemoUsersResponseSchema,
  },
  signInAsDemoUser: {
    method: 'POST',
    path: '/auth/demo',
    auth: 'public',
    request: DemoSignInRequestSchema,
    response: SessionResponseSchema,
  },
  signOut: { method: 'POST', path: '/auth/sign-out', auth: 'user', request: SignOutRequestSchema },
  getMe: { method: 'GET', path: '/me', auth: 'user', response: MeSchema },
  sendBindCode: {
    method: 'POST',
    path: '/me/identity/code',
    auth: 'user',
    request: SendBindCodeRequestSchema,
    response: SendBindCodeResponseSchema,
  },
  bindIdentity: {
    method: 'POST',
    path: '/me/identity',
    auth: 'user',
    request: BindIdentityRequestSchema,
    response: MeSchema,
  },
  listMyPolicies: { method: 'GET', path: '/me/policies', auth: 'user', response: PolicyListResponseSchema },
  getPolicy: { method: 'GET', path: '/policies/{policyNo}', auth: 'user', response: PolicyDetailSchema },
  listAgentCustomers: {
    method: 'GET',
    path: '/agent/customers',
    auth: 'user',
    response: CustomerListResponseSchema,
  },
  listCustomerPolicies: {
    method: 'GET',
    path: '/customers/{customerId}/policies',
    auth: 'user',
    response: PolicyListResponseSchema,
  },
  // Product search (知客) is open: anyone in WeChat may browse products without signing in.
  searchProducts: {
    method: 'GET',
    path: '/products/search',
    auth: 'public',
    response: ProductSearchResponseSchema,
  },
  getProduct: {
    method: 'GET',
    path: '/products/{productCode}',
    auth: 'public',
    response: ProductDetailSchema,
  },
  // New-policy callback (回访预约): the customer (or their agent) books a call inside the cooling-off period.
  listCallbackSlots: {
    method: 'GET',
    path: '/policies/{policyNo}/callback/slots',
    auth: 'user',
    response: CallbackSlotsResponseSchema,
  },
  getCallbackBooking: {
    method: 'GET',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    response: MyCallbackResponseSchema,
  },
  bookCallbackSlot: {
    method: 'POST',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: BookCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  rescheduleCallback: {
    method: 'PUT',
    path: '/policies/{policyNo}/callback',
    auth: 'user',
    request: RescheduleCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  cancelCallback: { method: 'DELETE', path: '/policies/{policyNo}/callback', auth: 'user' },
  // Online self-callback (自助回访): the holder alone, after an SMS code to the phone on record.
  sendOnlineCallbackCode: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online/code',
    auth: 'user',
    response: SendOnlineCallbackCodeResponseSchema,
  },
  submitOnlineCallback: {
    method: 'POST',
    path: '/policies/{policyNo}/callback/online',
    auth: 'user',
    request: SubmitOnlineCallbackRequestSchema,
    response: CallbackBookingSchema,
  },
  // The call centre's schedule and day (staff).
  createCallbackSlots: {
    method: 'POST',
    path: '/callback/slots',
    auth: 'user',
    request: CreateCallbackSlotsRequestSchema,
    response: CreateCallbackSlotsResponseSchema,
  },
  updateCallbackSlot: {
    method: 'PUT',
    path: '/callback/slots/{slotId}',
    auth: 'user',
    request: UpdateCallbackSlotRequestSchema,
    response: CallbackSlotSchema,
  },
  listCallbackFollowUps: {
    method: 'GET',
    path: '/callback/follow-ups',
    auth: 'user',
    response: CallbackFollowUpListResponseSchema,
  },
  resolveCallbackFollowUp: {
    method: 'POST',
    path: '/callback/follow-ups/{policyNo}/resolve',
    auth: 'user',
    request: ResolveFollowUpRequestSchema,
    response: CallbackFollowUpSchema,
  },
  listCallbackBookings: {
    method: 'GET',
    path: '/callback/bookings',
    auth: 'user',
    response: CallbackDayResponseSchema,
  },
  recordCallbackOutcome: {
    method: 'POST',
    path: '/callback/bookings/{policyNo}/outcome',
    auth: 'user',
    request: RecordCallbackOutcomeRequestSchema,
    response: CallbackBookingSchema,
  },
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
  // The paths without the face: the assigned agent in person, or staff review of photos + a selfie video.
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
  // Electronic documents (电子批单): 我的批单, signing by the policyholder, delivery, audit, public verification.
  listMyDocuments: {
    method: 'GET',
    path: '/me/documents',
    auth: 'user',
    response: DocumentListResponseSchema,
  },
  getDocument: {
    method: 'GET',
    path: '/documents/{documentId}',
    auth: 'user',
    response: DocumentDetailSchema,
  },
  createSignatureUpload: {
    method: 'POST',
    path: '/documents/{documentId}/signature-upload',
    auth: 'user',
    response: SignatureUploadResponseSchema,
  },
  signDocument: {
    method: 'POST',
    path: '/documents/{documentId}/signature',
    auth: 'user',
    request: SignDocumentRequestSchema,
    response: DocumentDetailSchema,
  },
  getDocumentLink: {
    method: 'GET',
    path: '/documents/{documentId}/file',
    auth: 'user',
    response: DocumentLinkResponseSchema,
  },
  getDocumentAuditTrail: {
    method: 'GET',
    path: '/documents/{documentId}/audit-trail',
    auth: 'user',
    response: AuditTrailResponseSchema,
  },
  exportAuditCertificate: {
    method: 'POST',
    path: '/documents/{documentId}/audit-certificate',
    auth: 'user',
    response: DocumentLinkResponseSchema,
  },
  listCustomerDocuments: {
    method: 'GET',
    path: '/customers/{customerId}/documents',
    auth: 'user',
    response: DocumentListResponseSchema,
  },
  verifyDocument: {
    method: 'POST',
    path: '/documents/verify',
    auth: 'public',
    request: VerifyDocumentRequestSchema,
    response: VerifyDocumentResponseSchema,
  },
  // The 7×24 assistant (智能客服, issue 9): answers signed in or not.
  sendAssistantMessage: {
    method: 'POST',
    path: '/assistant/messages',
    auth: 'optional',
    request: SendAssistantMessageRequestSchema,
    response: AssistantReplySchema,
  },
  rateAssistantAnswer: {
    method: 'POST',
    path: '/assistant/feedback',
    auth: 'optional',
    request: RateAssistantAnswerRequestSchema,
  },
  // Caller pre-verification (IVR, seed case 示例一): 'public' to tokens, proven by an HMAC signature.
  identifyCaller: {
    method: 'POST',
    path: '/ivr/identify',
    auth: 'public',
    request: IdentifyCallerRequestSchema,
    response: IdentifyCallerResponseSchema,
  },
  getCallScreenPop: { method: 'GET', path: '/ivr/calls/{callId}', auth: 'user', response: ScreenPopSchema },
  // Handoff to a person (转人工): the customer's side, then the staff console; live chat by polling.
  requestHandoff: {
    method: 'POST',
    path: '/assistant/handoffs',
    auth: 'user',
    request: RequestHandoffRequestSchema,
    response: HandoffSchema,
  },
  listHandoffMessages: {
    method: 'GET',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    response: HandoffMessagesResponseSchema,
  },
  sendHandoffMessage: {
    method: 'POST',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    request: SendHandoffMessageRequestSchema,
    response: HandoffMessageSchema,
  },
  listHandoffQueue: {
    method: 'GET',
    path: '/staff/handoffs',
    auth: 'user',
    response: HandoffQueueResponseSchema,
  },
  claimHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/claim',
    auth: 'user',
    response: HandoffSchema,
  },
  closeHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/close',
    auth: 'user',
    request: CloseHandoffRequestSchema,
    response: HandoffSchema,
  },
  // Endorsements (保全, issue 6; docs/endorsements.md): options, drafts, submission, review.
  getEndorsementOptions: {
    method: 'GET',
    path: '/policies/{policyNo}/endorsements/options',
    auth: 'user',
    response: EndorsementOptionsSchema,
  },
  createEndorsement: {
    method: 'POST',
    path: '/policies/{policyNo}/endorsements',
    auth: 'user',
    request: CreateEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  getEndorsement: {
    method: 'GET',
    path: '/endorsements/{applicationId}',
    auth: 'user',
    response: EndorsementApplicationSchema,
  },
  listMyEndorsements: {
    method: 'GET',
    path: '/me/endorsements',
    auth: 'user',
    response: EndorsementListResponseSchema,
  },
  listCustomerEndorsements: {
    method: 'GET',
    path: '/customers/{customerId}/endorsements',
    auth: 'user',
    response: EndorsementListResponseSchema,
  },
  sendEndorsementPhoneCode: {
    method: 'POST',
    path: '/endorsements/{applicationId}/phone-code',
    auth: 'user',
    response: SendPhoneCodeResponseSchema,
  },
  /** Loan, dividend withdrawal and surrender need an Idempotency-Key header. */
  submitEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/submit',
    auth: 'user',
    request: SubmitEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  cancelEndorsement: {
    method: 'POST',
    path: '/endorsements/{applicationId}/cancel',
    auth: 'user',
    request: CancelEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  listEndorsementReviews: {
    method: 'GET',
    path: '/staff/endorsements',
    auth: 'user',
    response: EndorsementReviewQueueSchema,
  },
  decideEndorsement: {
    method: 'POST',
    path: '/staff/endorsements/{applicationId}/decision',
    auth: 'user',
    request: DecideEndorsementRequestSchema,
    response: EndorsementApplicationSchema,
  },
  // E-letters (电子信函, issue 7): 我的信函, a letter, its signed link (no sign-in), subscriptions.
  listCustomerLetters: {
    method: 'GET',
    path: '/customers/{customerId}/letters',
    auth: 'user',
    response: LetterListResponseSchema,
  },
  getLetter: { method: 'GET', path: '/letters/{letterId}', auth: 'user', response: LetterDetailSchema },
  openLetterLink: {
    method: 'GET',
    path: '/letter-links/{token}',
    auth: 'public',
    response: LetterDetailSchema,
  },
  listLetterSubscriptions: {
    method: 'GET',
    path: '/customers/{customerId}/letter-subscriptions',
    auth: 'user',
    response: LetterSubscriptionsResponseSchema,
  },
  updateLetterSubscription: {
    method: 'PUT',
    path: '/customers/{customerId}/letter-subscriptions/{letterType}',
    auth: 'user',
    request: UpdateLetterSubscriptionRequestSchema,
    response: LetterSubscriptionSchema,
  },
  // Renewal notices (续期通知, issue 7): preferences, WeChat's message push, billing's debit results, the funnel.
  getNoticePreferences: {
    method: 'GET',
    path: '/customers/{customerId}/notice-preferences',
    auth: 'user',
    response: NoticePreferencesResponseSchema,
  },
  updateNoticePreference: {
    method: 'PUT',
    path: '/customers/{customerId}/notice-preferences',
    auth: 'user',
    request: NoticePreferenceInputSchema,
    response: NoticePreferencesResponseSchema,
  },
  /** WeChat's message push (消息推送): the URL check (GET, echostr) and subscribe-message events (POST). */
  checkWechatPush: { method: 'GET', path: '/wechat/push', auth: 'public' },
  receiveWechatPush: { method: 'POST', path: '/wechat/push', auth: 'public' },
  /** Local stage only (404 elsewhere): the H5 stand-in for wx.requestSubscribeMessage reports the taps. */
  recordSandboxSubscribeConsent: {
    method: 'POST',
    path: '/wechat/sandbox/subscribe',
    auth: 'user',
    request: SandboxSubscribeRequestSchema,
    response: SandboxSubscribeResponseSchema,
  },
  applyDebitResult: {
    method: 'POST',
    path: '/billing/debit-results',
    auth: 'public',
    request: DebitResultRequestSchema,
    response: DebitResultResponseSchema,
  },
  getNoticeFunnel: {
    method: 'GET',
    path: '/reports/notice-funnel',
    auth: 'user',
    response: NoticeFunnelResponseSchema,
  },
  // Assistant live chat and the staff console (issue 9): the staff console's chat screen.
  getHandoff: {
    method: 'GET',
    path: '/staff/handoffs/{handoffId}',
    auth: 'user',
    response: HandoffSchema,
  },
  getLatestHandoff: {
    method: 'GET',
    path: '/assistant/handoffs/latest',
    auth: 'user',
    response: LatestHandoffResponseSchema,
  },
  getAssistantFeedbackReport: {
    method: 'GET',
    path: '/reports/assistant-feedback',
    auth: 'user',
    response: FeedbackReportSchema,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
export type RequestOf<N extends RouteName> = (typeof routes)[N] extends {
  request: infer S extends z.ZodMiniType;
}
  ? z.infer<S>
  : undefined;
export type ResponseOf<N extends RouteName> = (typeof routes)[N] extends {
  response: infer S extends z.ZodMiniType;
}
  ? z.infer<S>
  : undefined;

/** Fills `{param}` placeholders, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
