import Taro from '@tarojs/taro';
import { PRIVACY_GUIDE_VERSION } from '@zhixiang/shared/auth/schemas';
import { getPrivacyConsentVersion, getSession } from './session';

export const TAB_PAGES = [
  '/pages/home/index',
  '/pages/policies/index',
  '/pages/assistant/index',
  '/pages/me/index',
];

export const pageUrls = {
  privacy: '/pages/privacy/index',
  signIn: '/pages/sign-in/index',
  home: '/pages/home/index',
  policies: '/pages/policies/index',
  me: '/pages/me/index',
  assistant: '/pages/assistant/index',
  policyDetail: (policyNo: string) => `/pages/policy-detail/index?policyNo=${encodeURIComponent(policyNo)}`,
  bindIdentity: '/packages/identity/bind/index',
  agentCustomers: '/packages/agent/customers/index',
  productSearch: '/packages/products/search/index',
  productDetail: (productCode: string) =>
    `/packages/products/detail/index?code=${encodeURIComponent(productCode)}`,
  callbackBooking: (policyNo: string) =>
    `/packages/callback/book/index?policyNo=${encodeURIComponent(policyNo)}`,
  onlineCallback: (policyNo: string) =>
    `/packages/callback/online/index?policyNo=${encodeURIComponent(policyNo)}`,
  callCentre: '/packages/callback/call-centre/index',
  customerPolicies: (customerId: string, name: string) =>
    `/packages/agent/customer-policies/index?customerId=${encodeURIComponent(customerId)}&name=${encodeURIComponent(name)}`,
  // Identity verification: other features open `identityVerify` and re-check on the server when it navigates back.
  /** A trustee passes the video authorisation they act on instead of a customer id. */
  identityVerify: (purpose: string, customerId?: string, authorisationId?: string) =>
    `/packages/identity/verify/index?${identityQuery(purpose, customerId)}${authorisationId ? `&authorisationId=${encodeURIComponent(authorisationId)}` : ''}`,
  /** With `authorisationId`, a trustee's own document for 人工审核 (review mode). */
  identityIdCard: (
    purpose: string,
    customerId?: string,
    mode: 'check' | 'review' = 'check',
    authorisationId?: string,
  ) =>
    `/packages/identity/id-card/index?${identityQuery(purpose, customerId)}&mode=${mode}${authorisationId ? `&authorisationId=${encodeURIComponent(authorisationId)}` : ''}`,
  identityAttest: (purpose: string, customerId: string) =>
    `/packages/identity/attest/index?${identityQuery(purpose, customerId)}`,
  identityReviews: '/packages/identity/reviews/index',
  // Electronic documents (电子批单).
  myDocuments: '/packages/documents/list/index',
  /** An agent's or staff member's view of a customer's documents (the agent may host signing). */
  customerDocuments: (customerId: string, name: string) =>
    `/packages/documents/list/index?customerId=${encodeURIComponent(customerId)}&name=${encodeURIComponent(name)}`,
  documentDetail: (documentId: string) =>
    `/packages/documents/detail/index?documentId=${encodeURIComponent(documentId)}`,
  signDocument: (documentId: string) =>
    `/packages/documents/sign/index?documentId=${encodeURIComponent(documentId)}`,
  verifyDocument: '/packages/documents/verify/index',
  // Assistant live chat and the staff console: the staff handoff console.
  handoffQueue: '/packages/handoffs/queue/index',
  handoffChat: (handoffId: string) =>
    `/packages/handoffs/chat/index?handoffId=${encodeURIComponent(handoffId)}`,
  assistantFeedbackReport: '/packages/handoffs/feedback/index',
  // Endorsements (保全). The application page is also the link an agent shares with the customer.
  /** With `authorisationId`, a trustee acting on that video authorisation. */
  endorsementApply: (policyNo: string, type: string, authorisationId?: string) =>
    `/packages/endorsements/apply/index?policyNo=${encodeURIComponent(policyNo)}&type=${encodeURIComponent(type)}${authorisationId ? `&authorisationId=${encodeURIComponent(authorisationId)}` : ''}`,
  endorsementApplication: (applicationId: string) =>
    `/packages/endorsements/application/index?applicationId=${encodeURIComponent(applicationId)}`,
  myEndorsements: '/packages/endorsements/list/index',
  customerEndorsements: (customerId: string, name: string) =>
    `/packages/endorsements/customer/index?customerId=${encodeURIComponent(customerId)}&name=${encodeURIComponent(name)}`,
  endorsementReviews: '/packages/endorsements/reviews/index',
  /** After a failed payout: the holder's own other card. */
  payoutAccount: (applicationId: string) =>
    `/packages/endorsements/payout-account/index?applicationId=${encodeURIComponent(applicationId)}`,
  // Payouts (付款): finance staff's reconciliation.
  payoutReconciliation: '/packages/payments/reconciliation/index',
  // E-letters and renewal notices (电子信函 / 续期通知).
  myLetters: '/packages/letters/list/index',
  letterDetail: (letterId: string) =>
    `/packages/letters/detail/index?letterId=${encodeURIComponent(letterId)}`,
  letterSettings: '/packages/letters/settings/index',
  noticeFunnel: '/packages/letters/funnel/index',
  // The message centre (消息中心): every notification the customer received.
  messageCentre: '/packages/messages/centre/index',
  // Complaints (投诉工单).
  fileComplaint: '/packages/complaints/file/index',
  /** From the assistant: the conversation goes with the complaint. */
  fileComplaintFromChat: (conversationId?: string) =>
    `/packages/complaints/file/index${conversationId ? `?conversationId=${encodeURIComponent(conversationId)}` : ''}`,
  /** An agent for their customer, or a seat for a caller (the call the phone system identified). */
  fileComplaintFor: (customerId: string, name: string, callId?: string) =>
    `/packages/complaints/file/index?customerId=${encodeURIComponent(customerId)}&name=${encodeURIComponent(name)}${callId ? `&callId=${encodeURIComponent(callId)}` : ''}`,
  myComplaints: '/packages/complaints/list/index',
  complaintDetail: (complaintId: string) =>
    `/packages/complaints/detail/index?complaintId=${encodeURIComponent(complaintId)}`,
  complaintQueue: '/packages/complaints/queue/index',
  complaintReport: '/packages/standards/complaint-report/index',
  // The customer-voice stream (客户之声): 我要吐槽 and the staff's stream, clusters and reporting.
  voiceRant: '/packages/voice/rant/index',
  voiceStream: '/packages/voice/stream/index',
  voiceRectifications: '/packages/voice/rectifications/index',
  /** 人工客服旁听: executives' masked, read-only listen-in on live handoff chats. */
  voiceHandoffs: '/packages/voice/handoffs/index',
  voiceRectification: (rectificationId: string) =>
    `/packages/voice/rectification/index?rectificationId=${encodeURIComponent(rectificationId)}`,
  /** From an item, or from a week's theme cluster (its label shown on the form). */
  newVoiceRectification: (from: { itemId: string } | { week: string; theme: string; label: string }) =>
    `/packages/voice/rectification-new/index?${Object.entries(from)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&')}`,
  // The seat's screen-pop of a call the phone system identified (IVR 来电弹屏).
  callScreenPop: (callId?: string) =>
    `/packages/ivr/screen-pop/index${callId ? `?callId=${encodeURIComponent(callId)}` : ''}`,
  // Club events (客户俱乐部活动).
  events: '/packages/events/list/index',
  /** With `invitedBy`, the link an agent shares: a registration through it is attributed to them. */
  eventDetail: (eventId: string, invitedBy?: string) =>
    `/packages/events/detail/index?eventId=${encodeURIComponent(eventId)}${invitedBy ? `&invitedBy=${encodeURIComponent(invitedBy)}` : ''}`,
  myEventRegistrations: '/packages/events/mine/index',
  /** Staff: their subtree's events, each opening its door (check-in and walk-ins) and report. */
  staffEvents: '/packages/events/staff/index',
  eventDoor: (eventId: string) => `/packages/events/door/index?eventId=${encodeURIComponent(eventId)}`,
  /** Staff: create an event (no id) or edit and publish a draft, with its cover. */
  eventEdit: (eventId?: string) =>
    `/packages/events/edit/index${eventId ? `?eventId=${encodeURIComponent(eventId)}` : ''}`,
  eventReport: (eventId: string) => `/packages/events/report/index?eventId=${encodeURIComponent(eventId)}`,
  // Video authorisations (录像授权) for customers abroad, and their review by staff.
  myAuthorisations: '/packages/authorisations/list/index',
  /** The power of attorney's form: a new one, or a draft not yet submitted. */
  editAuthorisation: (authorisationId?: string) =>
    `/packages/authorisations/edit/index${authorisationId ? `?authorisationId=${encodeURIComponent(authorisationId)}` : ''}`,
  authorisationDetail: (authorisationId: string) =>
    `/packages/authorisations/detail/index?authorisationId=${encodeURIComponent(authorisationId)}`,
  authorisationReviews: '/packages/authorisations/reviews/index',
  /** 受托办理: a trustee binds an authorisation and acts on it. */
  trusteeAuthorisations: '/packages/authorisations/trustee/index',
  authorisationReview: (authorisationId: string) =>
    `/packages/authorisations/review/index?authorisationId=${encodeURIComponent(authorisationId)}`,
  /** 柜面代办: staff process an authorised matter on an approved authorisation. */
  counterEndorsement: (authorisationId: string) =>
    `/packages/authorisations/counter/index?authorisationId=${encodeURIComponent(authorisationId)}`,
  // Service standards (服务标准看板): staff of a subtree, executives, admins.
  standardsDashboard: '/packages/standards/dashboard/index',
};

function identityQuery(purpose: string, customerId?: string): string {
  return `purpose=${encodeURIComponent(purpose)}${customerId ? `&customerId=${encodeURIComponent(customerId)}` : ''}`;
}

export function hasCurrentPrivacyConsent(): boolean {
  return getPrivacyConsentVersion() === PRIVACY_GUIDE_VERSION;
}

/** The page to send a visitor to before the current one may be shown, or null when none. */
export function requiredGate(): string | null {
  if (!hasCurrentPrivacyConsent()) return pageUrls.privacy;
  if (!getSession()) return pageUrls.signIn;
  return null;
}

/**
 * The current page with its query. The router's parameters are read as well as the page's
 * `options`: in the H5 build a page's `options` may still be empty when its first effect runs (a
 * shared link opened signed out lost its `applicationId` that way).
 */
export function currentPageUrl(): string {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1];
  if (!page?.route) return pageUrls.home;
  const route = page.route.startsWith('/') ? page.route : `/${page.route}`;
  const params = {
    ...((page.options ?? {}) as Record<string, string>),
    ...((Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string>),
  };
  const query = Object.entries(params)
    .filter(([key, value]) => !key.startsWith('$') && key !== 'stamp' && value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

/**
 * The page a gate leads on to, from its `redirect` parameter: goToGate encodes it once, and a
 * router may hand it over decoded already.
 */
export function redirectTarget(redirect: string | undefined): string | undefined {
  if (!redirect) return undefined;
  return /^%2f/i.test(redirect) ? decodeURIComponent(redirect) : redirect;
}

/** `page` keeping the target a visitor was heading for (privacy → sign-in → binding → target). */
export function withRedirect(page: string, redirect: string | undefined): string {
  const target = redirectTarget(redirect);
  return target ? `${page}?redirect=${encodeURIComponent(target)}` : page;
}

/**
 * Pages that show a customer's own records need the account bound to a customer first; products,
 * the assistant and the tab pages do not.
 */
function needsBoundCustomer(path: string): boolean {
  const me = getSession()?.me;
  if (me?.role !== 'customer' || me.customerId) return false;
  if (path === pageUrls.bindIdentity || path.startsWith('/packages/products/')) return false;
  return path.startsWith('/packages/') || path === '/pages/policy-detail/index';
}

/**
 * Goes on to where the visitor was heading before a gate, tab pages included; a customer not yet
 * bound goes through identity binding first, keeping the target.
 */
export function continueTo(redirect: string | undefined): void {
  const url = redirectTarget(redirect) ?? pageUrls.home;
  const path = url.split('?')[0] ?? url;
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path });
  else if (needsBoundCustomer(path)) void Taro.redirectTo({ url: withRedirect(pageUrls.bindIdentity, url) });
  else void Taro.redirectTo({ url });
}

export function goToGate(gate: string): void {
  // reLaunch works from tab pages too and leaves no page behind the gate to go back to.
  void Taro.reLaunch({ url: withRedirect(gate, currentPageUrl()) });
}
