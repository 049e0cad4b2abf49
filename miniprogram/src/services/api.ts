import Taro from '@tarojs/taro';
import type { RequestOf } from '@zhixiang/shared/api/routes';
import { IDEMPOTENCY_KEY_HEADER } from '@zhixiang/shared/endorsement/application';
import { runtimeConfig } from '../lib/runtime-config';
import { clearSession, getSession, saveSession } from '../lib/session';
import { createApiClient, type Transport } from './request';

const taroTransport: Transport = async ({ url, method, headers, body }) => {
  const response = await Taro.request({
    url,
    method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
    header: headers,
    data: body as TaroGeneral.IAnyObject | undefined,
    dataType: 'json',
    timeout: 15000,
  });
  return { status: response.statusCode, body: response.data };
};

export const client = createApiClient({
  baseUrl: () => runtimeConfig().apiBaseUrl,
  transport: taroTransport,
  tokens: {
    accessToken: () => getSession()?.accessToken ?? null,
    refreshToken: () => getSession()?.refreshToken ?? null,
    save: saveSession,
    clear: clearSession,
  },
  notifyError: (message) => {
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  },
  onSignedOut: () => {
    void Taro.reLaunch({ url: '/pages/sign-in/index' });
  },
});

// Any call in flight shows WeChat's navigation-bar spinner; pages add their own skeletons and button states.
if (process.env.TARO_ENV === 'weapp') {
  client.onPendingChange((pending) => {
    if (pending > 0) void Taro.showNavigationBarLoading();
    else void Taro.hideNavigationBarLoading();
  });
}

/** One typed function per route of the shared contract. */
export const api = {
  listDemoUsers: () => client.call('listDemoUsers', { silent: true }),
  signInAsDemoUser: (body: RequestOf<'signInAsDemoUser'>) => client.call('signInAsDemoUser', { body }),
  signInWithWechat: (body: RequestOf<'signInWithWechat'>) => client.call('signInWithWechat', { body }),
  signOut: (body: RequestOf<'signOut'>) => client.call('signOut', { body, silent: true }),
  getMe: () => client.call('getMe', { silent: true }),
  sendBindCode: (body: RequestOf<'sendBindCode'>) => client.call('sendBindCode', { body }),
  bindIdentity: (body: RequestOf<'bindIdentity'>) => client.call('bindIdentity', { body }),
  listMyPolicies: () => client.call('listMyPolicies', { silent: true }),
  getPolicy: (policyNo: string) => client.call('getPolicy', { params: { policyNo }, silent: true }),
  listAgentCustomers: () => client.call('listAgentCustomers', { silent: true }),
  listCustomerPolicies: (customerId: string) =>
    client.call('listCustomerPolicies', { params: { customerId }, silent: true }),
  /** Product search is public; typing fires many calls, so failures are shown by the page, not toasts. */
  searchProducts: (query: { q?: string; category?: string; age?: string; limit?: string }) =>
    client.call('searchProducts', { query, silent: true }),
  getProduct: (productCode: string) => client.call('getProduct', { params: { productCode }, silent: true }),
  // New-policy callback (回访预约, 自助回访).
  listCallbackSlots: (policyNo: string) =>
    client.call('listCallbackSlots', { params: { policyNo }, silent: true }),
  bookCallbackSlot: (policyNo: string, slotId: string) =>
    client.call('bookCallbackSlot', { params: { policyNo }, body: { slotId } }),
  rescheduleCallback: (policyNo: string, body: RequestOf<'rescheduleCallback'>) =>
    client.call('rescheduleCallback', { params: { policyNo }, body }),
  cancelCallback: (policyNo: string) => client.call('cancelCallback', { params: { policyNo } }),
  sendOnlineCallbackCode: (policyNo: string) =>
    client.call('sendOnlineCallbackCode', { params: { policyNo } }),
  submitOnlineCallback: (policyNo: string, body: RequestOf<'submitOnlineCallback'>) =>
    client.call('submitOnlineCallback', { params: { policyNo }, body }),
  // The call centre (staff).
  listCallbackBookings: (date: string) =>
    client.call('listCallbackBookings', { query: { date }, silent: true }),
  recordCallbackOutcome: (policyNo: string, body: RequestOf<'recordCallbackOutcome'>) =>
    client.call('recordCallbackOutcome', { params: { policyNo }, body }),
  createCallbackSlots: (body: RequestOf<'createCallbackSlots'>) =>
    client.call('createCallbackSlots', { body }),
  updateCallbackSlot: (slotId: string, body: RequestOf<'updateCallbackSlot'>) =>
    client.call('updateCallbackSlot', { params: { slotId }, body }),
  listCallbackFollowUps: () => client.call('listCallbackFollowUps', { silent: true }),
  resolveCallbackFollowUp: (policyNo: string, body: RequestOf<'resolveCallbackFollowUp'>) =>
    client.call('resolveCallbackFollowUp', { params: { policyNo }, body }),
  // Electronic documents (电子批单): 我的批单, signing, delivery, public verification.
  listMyDocuments: () => client.call('listMyDocuments', { silent: true }),
  listCustomerDocuments: (customerId: string) =>
    client.call('listCustomerDocuments', { params: { customerId }, silent: true }),
  getDocument: (documentId: string) => client.call('getDocument', { params: { documentId }, silent: true }),
  createSignatureUpload: (documentId: string) =>
    client.call('createSignatureUpload', { params: { documentId } }),
  /** Silent: the signing page decides (identity missing → verification page; too simple → redraw). */
  signDocument: (documentId: string, body: RequestOf<'signDocument'>) =>
    client.call('signDocument', { params: { documentId }, body, silent: true }),
  getDocumentLink: (documentId: string) => client.call('getDocumentLink', { params: { documentId } }),
  exportAuditCertificate: (documentId: string) =>
    client.call('exportAuditCertificate', { params: { documentId } }),
  verifyDocument: (body: RequestOf<'verifyDocument'>) =>
    client.call('verifyDocument', { body, silent: true }),
  // Identity verification (刷脸认证, ID-card OCR, the paths without the face).
  recordIdentityConsent: (version: string) => client.call('recordIdentityConsent', { body: { version } }),
  getIdentityStatus: (query: { purpose: string; customerId?: string }) =>
    client.call('getIdentityStatus', { query, silent: true }),
  startFaceVerification: (body: RequestOf<'startFaceVerification'>) =>
    client.call('startFaceVerification', { body }),
  completeFaceVerification: (attemptId: string) =>
    client.call('completeFaceVerification', { params: { attemptId } }),
  answerSandboxFaceVerification: (verifyId: string, body: RequestOf<'answerSandboxFaceVerification'>) =>
    client.call('answerSandboxFaceVerification', { params: { verifyId }, body }),
  createIdentityUpload: (body: RequestOf<'createIdentityUpload'>) =>
    client.call('createIdentityUpload', { body }),
  checkIdCard: (body: RequestOf<'checkIdCard'>) => client.call('checkIdCard', { body }),
  attestIdentity: (body: RequestOf<'attestIdentity'>) => client.call('attestIdentity', { body }),
  submitIdentityReview: (body: RequestOf<'submitIdentityReview'>) =>
    client.call('submitIdentityReview', { body }),
  listIdentityReviews: () => client.call('listIdentityReviews', { silent: true }),
  decideIdentityReview: (reviewId: string, body: RequestOf<'decideIdentityReview'>) =>
    client.call('decideIdentityReview', { params: { reviewId }, body }),
  // The 7×24 assistant (智能客服): the page shows failures in the conversation, so no toast.
  sendAssistantMessage: (body: RequestOf<'sendAssistantMessage'>) =>
    client.call('sendAssistantMessage', { body, silent: true }),
  rateAssistantAnswer: (body: RequestOf<'rateAssistantAnswer'>) =>
    client.call('rateAssistantAnswer', { body, silent: true }),
  requestHandoff: (conversationId: string) =>
    client.call('requestHandoff', { body: { conversationId }, silent: true }),
  listHandoffMessages: (handoffId: string, after: number) =>
    client.call('listHandoffMessages', {
      params: { handoffId },
      query: { after: String(after) },
      silent: true,
    }),
  sendHandoffMessage: (handoffId: string, text: string) =>
    client.call('sendHandoffMessage', { params: { handoffId }, body: { text }, silent: true }),
  // E-letters and renewal notices (电子信函 / 续期通知).
  listCustomerLetters: (customerId: string) =>
    client.call('listCustomerLetters', { params: { customerId }, silent: true }),
  getLetter: (letterId: string) => client.call('getLetter', { params: { letterId }, silent: true }),
  openLetterLink: (token: string) => client.call('openLetterLink', { params: { token }, silent: true }),
  // Assistant live chat and the staff console: the staff handoff console.
  listHandoffQueue: () => client.call('listHandoffQueue', { silent: true }),
  getHandoff: (handoffId: string) => client.call('getHandoff', { params: { handoffId } }),
  getLatestHandoff: () => client.call('getLatestHandoff', { silent: true }),
  getAssistantFeedbackReport: (from: string, to: string) =>
    client.call('getAssistantFeedbackReport', { query: { from, to } }),
  claimHandoff: (handoffId: string) => client.call('claimHandoff', { params: { handoffId } }),
  closeHandoff: (handoffId: string, summary: string) =>
    client.call('closeHandoff', { params: { handoffId }, body: { summary } }),
  listLetterSubscriptions: (customerId: string) =>
    client.call('listLetterSubscriptions', { params: { customerId }, silent: true }),
  updateLetterSubscription: (
    customerId: string,
    letterType: string,
    body: RequestOf<'updateLetterSubscription'>,
  ) => client.call('updateLetterSubscription', { params: { customerId, letterType }, body }),
  getNoticePreferences: (customerId: string) =>
    client.call('getNoticePreferences', { params: { customerId }, silent: true }),
  updateNoticePreference: (customerId: string, body: RequestOf<'updateNoticePreference'>) =>
    client.call('updateNoticePreference', { params: { customerId }, body }),
  recordSandboxSubscribeConsent: (body: RequestOf<'recordSandboxSubscribeConsent'>) =>
    client.call('recordSandboxSubscribeConsent', { body, silent: true }),
  getNoticeFunnel: (query: { from?: string; to?: string }) =>
    client.call('getNoticeFunnel', { query, silent: true }),
  /** Binding changes what the access token claims: spend the refresh token for a pair that says so. */
  renewSession: async () => {
    const refreshToken = getSession()?.refreshToken;
    if (!refreshToken) return;
    saveSession(await client.call('refreshSession', { body: { refreshToken } }));
  },
  // Endorsements (保全): options, applications, submission (Idempotency-Key for financial types), review.
  getEndorsementOptions: (policyNo: string) =>
    client.call('getEndorsementOptions', { params: { policyNo }, silent: true }),
  /** Silent: the form shows the server's message at the field it names. */
  createEndorsement: (policyNo: string, body: RequestOf<'createEndorsement'>) =>
    client.call('createEndorsement', { params: { policyNo }, body, silent: true }),
  getEndorsement: (applicationId: string) =>
    client.call('getEndorsement', { params: { applicationId }, silent: true }),
  listMyEndorsements: () => client.call('listMyEndorsements', { silent: true }),
  listCustomerEndorsements: (customerId: string) =>
    client.call('listCustomerEndorsements', { params: { customerId }, silent: true }),
  sendEndorsementPhoneCode: (applicationId: string) =>
    client.call('sendEndorsementPhoneCode', { params: { applicationId } }),
  submitEndorsement: (
    applicationId: string,
    body: RequestOf<'submitEndorsement'>,
    idempotencyKey: string | null,
  ) =>
    client.call('submitEndorsement', {
      params: { applicationId },
      body,
      silent: true,
      ...(idempotencyKey ? { headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } } : {}),
    }),
  cancelEndorsement: (applicationId: string, body: RequestOf<'cancelEndorsement'>) =>
    client.call('cancelEndorsement', { params: { applicationId }, body }),
  listEndorsementReviews: () => client.call('listEndorsementReviews', { silent: true }),
  decideEndorsement: (applicationId: string, body: RequestOf<'decideEndorsement'>) =>
    client.call('decideEndorsement', { params: { applicationId }, body, silent: true }),
};
