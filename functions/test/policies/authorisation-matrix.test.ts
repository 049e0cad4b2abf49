import { type RouteName, routes } from '@zhixiang/shared/api/routes';
import { PRIVACY_GUIDE_VERSION, SENSITIVE_ID_CONSENT_VERSION } from '@zhixiang/shared/auth/schemas';
import { CALLBACK_POINTS } from '@zhixiang/shared/callback/schemas';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import {
  CustomerListResponseSchema,
  PolicyDetailSchema,
  PolicyListResponseSchema,
} from '@zhixiang/shared/policy/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { buildDemoData } from '../../src/seed/demo-data';
import { DEMO_DOCUMENT_ID } from '../../src/seed/demo-documents';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import { seedDemoData } from '../../src/seed/seed-demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Every route × the five people of the authorisation matrix, through the real gateway and
 * handlers against DynamoDB Local. The "owner" is whoever the route is for: the customer for
 * their own data, the assigned agent for an agent route.
 *
 * Rules proven here: no token → 401; a role the route is not for → 403; a policy or customer
 * outside the viewer's reach → 404, exactly like one that does not exist.
 */
type Person = 'anonymous' | 'owner' | 'anotherCustomer' | 'unassignedAgent' | 'otherBranchStaff';
const PEOPLE: Person[] = ['anonymous', 'owner', 'anotherCustomer', 'unassignedAgent', 'otherBranchStaff'];

const data = buildDemoData('2026-11-25');
// 张伟 (上海, agent A001); 吴刚 is a Beijing customer; A003 and the Beijing staff have nothing to do with 张伟.
const OWNER_CUSTOMER = 'demo-customer-c001';
const OWNER_POLICY = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!.policyNo;
// 张伟's new annuity, inside its cooling-off period and awaiting its callback (回访).
const CALLBACK_POLICY = data.policies.find(
  (p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01',
)!.policyNo;
/** A well-formed id of a call, conversation or handoff that does not exist. */
const NO_SUCH_ID = '0'.repeat(36);
/** A slot long past: refused by the window rules without changing anything. */
const PAST_SLOT = '202001010900';
const USERS: Record<Exclude<Person, 'anonymous'>, string> = {
  owner: OWNER_CUSTOMER,
  anotherCustomer: 'demo-customer-c011',
  unassignedAgent: 'demo-agent-a003',
  otherBranchStaff: 'demo-staff-bj',
};

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Overrides who "owner" is for this route. */
  ownerUserId?: string;
  expected: Record<Person, number>;
}

const consent = { privacyConsentVersion: PRIVACY_GUIDE_VERSION };
const bindRequest = {
  name: '张伟',
  idNumber: data.customers[0]!.idNumber,
  phone: data.customers[0]!.phone,
  sensitiveConsentVersion: SENSITIVE_ID_CONSENT_VERSION,
};

const CASES: Record<RouteName, Case> = {
  // Public routes: a token neither helps nor hurts; an empty body is a validation error for everyone.
  signInWithWechat: { method: 'POST', path: '/auth/wechat', body: {}, expected: all(400) },
  refreshSession: {
    method: 'POST',
    path: '/auth/refresh',
    body: { refreshToken: 'not-a-real-refresh-token' },
    expected: all(401),
  },
  listDemoUsers: { method: 'GET', path: '/auth/demo-users', expected: all(200) },
  searchProducts: { method: 'GET', path: '/products/search', expected: all(200) },
  getProduct: { method: 'GET', path: '/products/CI01', expected: all(200) },
  signInAsDemoUser: {
    method: 'POST',
    path: '/auth/demo',
    body: { userId: OWNER_CUSTOMER, ...consent },
    expected: all(200),
  },
  // Signed-in routes about the caller themself.
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    body: { refreshToken: 'not-a-real-refresh-token' },
    expected: signedIn(204),
  },
  getMe: { method: 'GET', path: '/me', expected: signedIn(200) },
  sendBindCode: {
    method: 'POST',
    path: '/me/identity/code',
    body: bindRequest,
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 409,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  bindIdentity: {
    method: 'POST',
    path: '/me/identity',
    body: { ...bindRequest, code: '123456' },
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 409,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  listMyPolicies: {
    method: 'GET',
    path: '/me/policies',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 200,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  getPolicy: {
    method: 'GET',
    path: `/policies/${OWNER_POLICY}`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 404,
    },
  },
  listAgentCustomers: {
    method: 'GET',
    path: '/agent/customers',
    ownerUserId: 'demo-agent-a001',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 200,
      otherBranchStaff: 403,
    },
  },
  listCustomerPolicies: {
    method: 'GET',
    path: '/customers/C001/policies',
    ownerUserId: 'demo-agent-a001',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 404,
      otherBranchStaff: 404,
    },
  },
  // New-policy callback: the customer's own routes; staff use the call-centre routes instead.
  listCallbackSlots: {
    method: 'GET',
    path: `/policies/${CALLBACK_POLICY}/callback/slots`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  getCallbackBooking: {
    method: 'GET',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  bookCallbackSlot: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    body: { slotId: PAST_SLOT },
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  rescheduleCallback: {
    method: 'PUT',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    body: { slotId: PAST_SLOT, version: 1 },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  cancelCallback: {
    method: 'DELETE',
    path: `/policies/${CALLBACK_POLICY}/callback`,
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  // The owner's code is rate-limited per policy; the submit with a code never sent is a 400.
  sendOnlineCallbackCode: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback/online/code`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  submitOnlineCallback: {
    method: 'POST',
    path: `/policies/${CALLBACK_POLICY}/callback/online`,
    body: { code: '000000', answers: Object.fromEntries(CALLBACK_POINTS.map((p) => [p, true])) },
    expected: {
      anonymous: 401,
      owner: 400,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  createCallbackSlots: {
    method: 'POST',
    path: '/callback/slots',
    ownerUserId: 'demo-staff-sh',
    body: {
      from: '2020-01-01',
      to: '2020-01-01',
      weekdays: { open: '09:00', close: '10:00' },
      weekends: null,
      seats: 2,
    },
    expected: {
      anonymous: 401,
      owner: 201,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 201,
    },
  },
  updateCallbackSlot: {
    method: 'PUT',
    path: '/callback/slots/202001020900',
    ownerUserId: 'demo-staff-sh',
    body: { open: false },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  listCallbackFollowUps: {
    method: 'GET',
    path: '/callback/follow-ups',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  // No problem case exists for the policy: the owner's staff get 404, like another branch's.
  resolveCallbackFollowUp: {
    method: 'POST',
    path: `/callback/follow-ups/${CALLBACK_POLICY}/resolve`,
    ownerUserId: 'demo-staff-sh',
    body: { note: '已联系客户核实' },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  listCallbackBookings: {
    method: 'GET',
    path: '/callback/bookings',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  recordCallbackOutcome: {
    method: 'POST',
    path: `/callback/bookings/${CALLBACK_POLICY}/outcome`,
    ownerUserId: 'demo-staff-sh',
    body: { outcome: 'unreachable' },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  // Identity verification: customers and agents only; another person's customer is a 404.
  recordIdentityConsent: {
    method: 'POST',
    path: '/identity/consent',
    body: { version: FACE_ID_CONSENT_VERSION },
    expected: { ...signedIn(201), otherBranchStaff: 403 },
  },
  getIdentityStatus: {
    method: 'GET',
    path: '/identity/status',
    // Without the purpose query every allowed caller gets 400 (the identity tests cover the rest).
    expected: { ...signedIn(400), otherBranchStaff: 403 },
  },
  startFaceVerification: {
    method: 'POST',
    path: '/identity/face',
    body: { purpose: 'document:MATRIX-1', customerId: 'C001' },
    expected: { ...signedIn(404), owner: 201, otherBranchStaff: 403 },
  },
  completeFaceVerification: {
    method: 'POST',
    path: '/identity/face/20260101000000/result',
    expected: { ...signedIn(404), otherBranchStaff: 403 },
  },
  answerSandboxFaceVerification: {
    method: 'POST',
    path: '/identity/face/sandbox/20260101000000',
    body: { outcome: 'success' },
    expected: { ...signedIn(204), otherBranchStaff: 403 },
  },
  // Electronic documents (电子批单): 张伟's demo document; only he, agent A001, Shanghai staff and admins open it.
  listMyDocuments: {
    method: 'GET',
    path: '/me/documents',
    expected: { ...signedIn(200), unassignedAgent: 403, otherBranchStaff: 403 },
  },
  getDocument: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}`,
    expected: { ...signedIn(404), owner: 200 },
  },
  createSignatureUpload: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/signature-upload`,
    expected: { ...signedIn(404), owner: 200, otherBranchStaff: 403 },
  },
  signDocument: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/signature`,
    // A content hash that is not the document's: refused before anything is read or written.
    body: { uploadId: '00000000-0000-4000-8000-000000000000', contentHash: '0'.repeat(64) },
    expected: { ...signedIn(404), owner: 409, otherBranchStaff: 403 },
  },
  getDocumentLink: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}/file`,
    expected: { ...signedIn(404), owner: 409 },
  },
  getDocumentAuditTrail: {
    method: 'GET',
    path: `/documents/${DEMO_DOCUMENT_ID}/audit-trail`,
    expected: { ...signedIn(404), owner: 200 },
  },
  exportAuditCertificate: {
    method: 'POST',
    path: `/documents/${DEMO_DOCUMENT_ID}/audit-certificate`,
    expected: { ...signedIn(404), owner: 200 },
  },
  listCustomerDocuments: {
    method: 'GET',
    path: '/customers/C001/documents',
    ownerUserId: 'demo-agent-a001',
    expected: { ...signedIn(404), owner: 200, anotherCustomer: 403 },
  },
  verifyDocument: { method: 'POST', path: '/documents/verify', body: {}, expected: all(400) },
  createIdentityUpload: {
    method: 'POST',
    path: '/identity/uploads',
    body: { kind: 'id_card_front', customerId: 'C001' },
    expected: { ...signedIn(404), owner: 201, otherBranchStaff: 403 },
  },
  checkIdCard: {
    method: 'POST',
    path: '/identity/id-card',
    body: { frontUploadId: '20260101000000', backUploadId: '20260101000001', customerId: 'C001' },
    expected: { ...signedIn(404), otherBranchStaff: 403 },
  },
  attestIdentity: {
    method: 'POST',
    path: '/identity/attestations',
    ownerUserId: 'demo-agent-a001',
    body: { purpose: 'document:MATRIX-2', customerId: 'C001', cardChecked: true, idNumberLast4: '0000' },
    // The assigned agent reaches the consent check (A001 has not consented in this run); nobody else gets that far.
    expected: {
      anonymous: 401,
      owner: 403,
      anotherCustomer: 403,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  submitIdentityReview: {
    method: 'POST',
    path: '/identity/reviews',
    body: {
      purpose: 'document:MATRIX-3',
      customerId: 'C001',
      frontUploadId: '20260101000000',
      backUploadId: '20260101000001',
      videoUploadId: '20260101000002',
    },
    expected: { ...signedIn(404), otherBranchStaff: 403 },
  },
  listIdentityReviews: {
    method: 'GET',
    path: '/identity/reviews',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  decideIdentityReview: {
    method: 'POST',
    path: '/identity/reviews/20260101000000/decision',
    ownerUserId: 'demo-staff-sh',
    body: { decision: 'approve' },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  // The assistant (optional authentication): everyone gets an answer, signed in or not.
  sendAssistantMessage: {
    method: 'POST',
    path: '/assistant/messages',
    body: { text: '分红什么时候发' },
    expected: all(200),
  },
  // 👍/👎 on an answer nobody had: not found for everyone, signed in or not.
  rateAssistantAnswer: {
    method: 'POST',
    path: '/assistant/feedback',
    body: { conversationId: NO_SUCH_ID, turn: 1, rating: 'down' },
    expected: all(404),
  },
  // Caller pre-verification: the IVR proves itself by signature, so a token never helps.
  identifyCaller: {
    method: 'POST',
    path: '/ivr/identify',
    body: { callingNumber: '13800000001', idNumber: data.customers[0]!.idNumber },
    expected: all(401),
  },
  // Staff only; the screen-pops of real calls are covered in functions/test/ivr/.
  getCallScreenPop: {
    method: 'GET',
    path: `/ivr/calls/${NO_SUCH_ID}`,
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  // Handoff to a person: routes with a handoff nobody may see; real handoffs in functions/test/assistant/handoff.test.ts.
  requestHandoff: {
    method: 'POST',
    path: '/assistant/handoffs',
    body: { conversationId: NO_SUCH_ID },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  listHandoffMessages: {
    method: 'GET',
    path: `/assistant/handoffs/${NO_SUCH_ID}/messages`,
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  sendHandoffMessage: {
    method: 'POST',
    path: `/assistant/handoffs/${NO_SUCH_ID}/messages`,
    body: { text: '你好' },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 404,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  listHandoffQueue: {
    method: 'GET',
    path: '/staff/handoffs',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  claimHandoff: {
    method: 'POST',
    path: `/staff/handoffs/${NO_SUCH_ID}/claim`,
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  closeHandoff: {
    method: 'POST',
    path: `/staff/handoffs/${NO_SUCH_ID}/close`,
    ownerUserId: 'demo-staff-sh',
    body: { summary: '已处理' },
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  // Endorsements (保全, issue 6): the holder and the assigned agent; staff of the branch subtree review.
  getEndorsementOptions: {
    method: 'GET',
    path: `/policies/${OWNER_POLICY}/endorsements/options`,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  // An empty contact change is refused by the rule (400) only after access was granted.
  createEndorsement: {
    method: 'POST',
    path: `/policies/${OWNER_POLICY}/endorsements`,
    body: { type: 'contact_change' },
    expected: {
      anonymous: 401,
      owner: 400,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  getEndorsement: {
    method: 'GET',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}`,
    ownerUserId: 'demo-customer-c002',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 404,
    },
  },
  listMyEndorsements: {
    method: 'GET',
    path: '/me/endorsements',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 200,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  listCustomerEndorsements: {
    method: 'GET',
    path: '/customers/C001/endorsements',
    ownerUserId: 'demo-agent-a001',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 404,
      otherBranchStaff: 404,
    },
  },
  // 李娜's demo application is withdrawn (final): her actions on it are conflicts, nothing changes.
  sendEndorsementPhoneCode: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/phone-code`,
    ownerUserId: 'demo-customer-c002',
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  submitEndorsement: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/submit`,
    ownerUserId: 'demo-customer-c002',
    body: {},
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  cancelEndorsement: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/cancel`,
    ownerUserId: 'demo-customer-c002',
    body: {},
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 404,
      unassignedAgent: 404,
      otherBranchStaff: 403,
    },
  },
  listEndorsementReviews: {
    method: 'GET',
    path: '/staff/endorsements',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  decideEndorsement: {
    method: 'POST',
    path: `/staff/endorsements/${DEMO_ENDORSEMENT_ID}/decision`,
    ownerUserId: 'demo-staff-sh',
    body: { decision: 'approve' },
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  // E-letters and renewal notices (issue 7): the customer, their agent (A001), staff of their branch.
  listCustomerLetters: { method: 'GET', path: '/customers/C001/letters', expected: customerData(200) },
  getLetter: {
    method: 'GET',
    path: '/letters/LT20261125ABCDEF12',
    expected: { ...all(404), anonymous: 401 },
  },
  openLetterLink: {
    method: 'GET',
    path: `/letter-links/eyJsIjoiTFQifQ.${'A'.repeat(43)}`,
    expected: all(404),
  },
  listLetterSubscriptions: {
    method: 'GET',
    path: '/customers/C001/letter-subscriptions',
    expected: customerData(200),
  },
  updateLetterSubscription: {
    method: 'PUT',
    path: '/customers/C001/letter-subscriptions/dividend_statement',
    body: { delivery: 'electronic', channels: ['sms'] },
    expected: customerData(200),
  },
  getNoticePreferences: {
    method: 'GET',
    path: '/customers/C001/notice-preferences',
    expected: customerData(200),
  },
  updateNoticePreference: {
    method: 'PUT',
    path: '/customers/C001/notice-preferences',
    body: {
      scope: 'all',
      leadDays: 5,
      channels: ['sms'],
      quietHours: { start: '22:00', end: '08:00' },
      successNotice: true,
    },
    expected: customerData(200),
  },
  // Signed by WeChat / the billing system, not by a token: unsigned requests are refused for everyone.
  checkWechatPush: { method: 'GET', path: '/wechat/push', expected: all(401) },
  receiveWechatPush: { method: 'POST', path: '/wechat/push', body: {}, expected: all(401) },
  recordSandboxSubscribeConsent: {
    method: 'POST',
    path: '/wechat/sandbox/subscribe',
    body: { results: {} },
    // Demo accounts have no WeChat openid: 409 for customers; agents and staff never consent.
    expected: {
      anonymous: 401,
      owner: 409,
      anotherCustomer: 409,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  applyDebitResult: { method: 'POST', path: '/billing/debit-results', body: {}, expected: all(401) },
  getNoticeFunnel: {
    method: 'GET',
    path: '/reports/notice-funnel',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
  // Assistant live chat and the staff console (issue 9).
  getHandoff: {
    method: 'GET',
    path: `/staff/handoffs/${NO_SUCH_ID}`,
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 404,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 404,
    },
  },
  getLatestHandoff: {
    method: 'GET',
    path: '/assistant/handoffs/latest',
    ownerUserId: OWNER_CUSTOMER,
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 200,
      unassignedAgent: 403,
      otherBranchStaff: 403,
    },
  },
  getAssistantFeedbackReport: {
    method: 'GET',
    path: '/reports/assistant-feedback',
    ownerUserId: 'demo-staff-sh',
    expected: {
      anonymous: 401,
      owner: 200,
      anotherCustomer: 403,
      unassignedAgent: 403,
      otherBranchStaff: 200,
    },
  },
};

function all(status: number): Record<Person, number> {
  return {
    anonymous: status,
    owner: status,
    anotherCustomer: status,
    unassignedAgent: status,
    otherBranchStaff: status,
  };
}
function signedIn(status: number): Record<Person, number> {
  return { ...all(status), anonymous: 401 };
}
/** The owner's own customer data (e-letters, notices): everyone else signed in gets the same 404. */
function customerData(ownerStatus: number): Record<Person, number> {
  return { ...signedIn(404), owner: ownerStatus };
}

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();
const responseTexts: string[] = [];

async function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    const user = await container.repositories.users.get(userId);
    if (!user) throw new Error(`demo user ${userId} is not seeded`);
    token = (await container.accessTokens.issue(claimsFor(user))).token;
    tokens.set(userId, token);
  }
  return token;
}

async function call(c: Case, person: Person, userId?: string) {
  const token =
    person === 'anonymous'
      ? undefined
      : await tokenFor(userId ?? (person === 'owner' && c.ownerUserId ? c.ownerUserId : USERS[person]));
  const response = await api.request(c.method, c.path, {
    token,
    ...(c.body === undefined ? {} : { body: c.body }),
  });
  responseTexts.push(response.text);
  return response;
}

/** Everything the handlers log during the run (structured lines go to stdout and stderr). */
const logged: string[] = [];
const originalWrite = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  container = createSystem();
  await seedDemoData({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  const capture =
    (write: typeof originalWrite.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(originalWrite.out) as typeof process.stdout.write;
  process.stderr.write = capture(originalWrite.err) as typeof process.stderr.write;
});

afterAll(async () => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  await gateway?.close();
});

describe('authorisation matrix', () => {
  it('covers every route of the API contract', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(routes).sort());
    for (const [name, c] of Object.entries(CASES)) {
      const spec = routes[name as RouteName];
      expect(c.method, name).toBe(spec.method);
      expect(
        c.path.replace(
          /\/(C001|CI01|\d{6,}|PD\d{8}\w{6}|EA\d{8}\w{6}|LT\d{8}[A-Z0-9]{8}|[a-z]+(?:_[a-z]+)+|[\w-]+\.[\w-]{43})(?=\/|$)/g,
          '/{param}',
        ),
        name,
      ).toBe(spec.path.replace(/\{\w+\}/g, '{param}'));
    }
  });

  for (const [name, c] of Object.entries(CASES)) {
    for (const person of PEOPLE) {
      it(`${c.method} ${c.path} as ${person} → ${c.expected[person]}`, async () => {
        const response = await call(c, person);
        expect(response.status, response.text).toBe(c.expected[person]);
        if (response.status >= 400)
          expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        void name;
      });
    }
  }
});

describe('who else may see a policy', () => {
  const policyCase = CASES.getPolicy;

  it.each([
    [
      'the insured who is not the holder',
      'demo-customer-c001',
      data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C003')!.policyNo,
      200,
    ],
    ['the assigned agent', 'demo-agent-a001', OWNER_POLICY, 200],
    ['staff of the policy branch (上海分公司)', 'demo-staff-sh', OWNER_POLICY, 200],
    ['staff of the head office', 'demo-staff-hq', OWNER_POLICY, 200],
    [
      'staff of a sibling 中支 agency',
      'demo-staff-sh-pd-01',
      data.policies.find((p) => p.holderId === 'C006')!.policyNo,
      404,
    ],
    ['an admin', 'demo-admin', OWNER_POLICY, 200],
    ['an unbound customer', 'demo-unbound', OWNER_POLICY, 404],
  ])('%s', async (_who, userId, policyNo, status) => {
    const response = await call({ ...policyCase, path: `/policies/${policyNo}` }, 'owner', userId);
    expect(response.status, response.text).toBe(status);
  });

  it('answers a policy that does not exist exactly like one the viewer may not see', async () => {
    const hidden = await call(policyCase, 'anotherCustomer');
    const missing = await call({ ...policyCase, path: '/policies/880000009999999' }, 'anotherCustomer');
    expect(missing.status).toBe(404);
    expect({ ...(missing.body as object), requestId: undefined }).toEqual({
      ...(hidden.body as object),
      requestId: undefined,
    });
  });
});

describe('what the allowed viewers get', () => {
  it("lists the owner's policies as holder and as insured, and only theirs", async () => {
    const mine = (await call(CASES.listMyPolicies, 'owner')).body as {
      policies: Array<{ policyNo: string; viewerRole: string }>;
    };
    const expected = data.policies
      .filter((p) => p.holderId === 'C001' || p.insuredId === 'C001')
      .map((p) => p.policyNo);
    expect(mine.policies.map((p) => p.policyNo).sort()).toEqual(expected.sort());
    const daughter = await call(CASES.listMyPolicies, 'anotherCustomer');
    expect(
      (daughter.body as { policies: Array<{ policyNo: string }> }).policies.map((p) => p.policyNo),
    ).not.toContain(OWNER_POLICY);
  });

  it('tells an unbound customer to bind first', async () => {
    const response = await call(CASES.listMyPolicies, 'owner', 'demo-unbound');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('身份绑定') });
  });

  it('gives the agent only their own customers, masked, with policy counts', async () => {
    const mine = (await call(CASES.listAgentCustomers, 'owner')).body as {
      customers: Array<{ customerId: string; policyCount: number; phoneMasked: string }>;
    };
    expect(mine.customers.map((c) => c.customerId).sort()).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
    expect(mine.customers.find((c) => c.customerId === 'C001')?.policyCount).toBe(4);
    expect(mine.customers[0]?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const other = (await call(CASES.listAgentCustomers, 'unassignedAgent')).body as {
      customers: Array<{ customerId: string }>;
    };
    expect(other.customers.map((c) => c.customerId)).not.toContain('C001');
  });

  it('answers in the shape of the shared API contract', async () => {
    expect(PolicyListResponseSchema.safeParse((await call(CASES.listMyPolicies, 'owner')).body).success).toBe(
      true,
    );
    expect(
      PolicyListResponseSchema.safeParse((await call(CASES.listCustomerPolicies, 'owner')).body).success,
    ).toBe(true);
    expect(
      CustomerListResponseSchema.safeParse((await call(CASES.listAgentCustomers, 'owner')).body).success,
    ).toBe(true);
    for (const policy of data.policies.filter((p) => p.holderId === 'C001' || p.holderId === 'C002')) {
      const response = await call(
        { ...CASES.getPolicy, path: `/policies/${policy.policyNo}` },
        'owner',
        'demo-admin',
      );
      const parsed = PolicyDetailSchema.safeParse(response.body);
      expect(parsed.success, `${policy.policyNo}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('shows the loan with its accrued interest and the cooling-off state', async () => {
    const loanPolicy = data.policies.find((p) => p.loan)!;
    const withLoan = (
      await call(
        { ...CASES.getPolicy, path: `/policies/${loanPolicy.policyNo}` },
        'owner',
        'demo-customer-c002',
      )
    ).body as {
      loan: { principalCents: number; accruedInterestCents: number } | null;
      renewalAccount: { accountMasked: string } | null;
    };
    expect(withLoan.loan?.principalCents).toBe(loanPolicy.loan?.principalCents);
    expect(withLoan.loan?.accruedInterestCents).toBeGreaterThan(0);
    expect(withLoan.renewalAccount?.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    const mine = (await call(CASES.listMyPolicies, 'owner')).body as {
      policies: Array<{ inCoolingOff: boolean; viewerRole: string }>;
    };
    expect(mine.policies.filter((p) => p.inCoolingOff)).toHaveLength(1);
    expect(new Set(mine.policies.map((p) => p.viewerRole))).toEqual(new Set(['holder']));
  });

  it('never returns a raw ID number, phone or bank account in any response above', () => {
    const all = responseTexts.join('\n');
    for (const c of data.customers) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
    }
    for (const p of data.policies)
      if (p.renewalAccount) expect(all).not.toContain(p.renewalAccount.accountNumber);
  });

  it('never logs a raw ID number, phone or bank account either', () => {
    const all = [...logged, ...gateway.logs].join('\n');
    expect(all).toContain('"route":"/policies/{policyNo}"');
    for (const c of data.customers) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
    }
    for (const p of data.policies)
      if (p.renewalAccount) expect(all).not.toContain(p.renewalAccount.accountNumber);
  });
});
