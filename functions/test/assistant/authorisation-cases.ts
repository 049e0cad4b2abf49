import type { assistantRoutes } from '@zhixiang/shared/assistant/routes';
import {
  all,
  type CasesFor,
  customersOnly,
  NO_SUCH_ID,
  OWNER_CUSTOMER,
  signedIn,
  staffOnly,
} from '../support/authorisation-matrix';

export const assistantCases: CasesFor<typeof assistantRoutes> = {
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
  // Handoff to a person: routes with a handoff nobody may see; real handoffs in functions/test/assistant/handoff.test.ts.
  requestHandoff: {
    method: 'POST',
    path: '/assistant/handoffs',
    body: { conversationId: NO_SUCH_ID },
    expected: customersOnly(404),
  },
  listHandoffMessages: {
    method: 'GET',
    path: `/assistant/handoffs/${NO_SUCH_ID}/messages`,
    expected: { ...signedIn(404), unassignedAgent: 403 },
  },
  sendHandoffMessage: {
    method: 'POST',
    path: `/assistant/handoffs/${NO_SUCH_ID}/messages`,
    body: { text: '你好' },
    expected: { ...signedIn(404), unassignedAgent: 403 },
  },
  withdrawHandoff: {
    method: 'POST',
    path: `/assistant/handoffs/${NO_SUCH_ID}/withdraw`,
    expected: customersOnly(404),
  },
  listHandoffQueue: {
    method: 'GET',
    path: '/staff/handoffs',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  claimHandoff: {
    method: 'POST',
    path: `/staff/handoffs/${NO_SUCH_ID}/claim`,
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(404),
  },
  closeHandoff: {
    method: 'POST',
    path: `/staff/handoffs/${NO_SUCH_ID}/close`,
    ownerUserId: 'demo-staff-sh',
    body: { summary: '已处理' },
    expected: staffOnly(404),
  },
  // The staff console's live chat and the knowledge base's improvement report.
  getHandoff: {
    method: 'GET',
    path: `/staff/handoffs/${NO_SUCH_ID}`,
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(404),
  },
  getLatestHandoff: {
    method: 'GET',
    path: '/assistant/handoffs/latest',
    ownerUserId: OWNER_CUSTOMER,
    expected: customersOnly(200),
  },
  getAssistantFeedbackReport: {
    method: 'GET',
    path: '/reports/assistant-feedback',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
};
