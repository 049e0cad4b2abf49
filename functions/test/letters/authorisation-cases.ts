import type { letterRoutes } from '@zhixiang/shared/letters/routes';
import { all, type CasesFor, customerData, customersOnly, staffOnly } from '../support/authorisation-matrix';

export const letterCases: CasesFor<typeof letterRoutes> = {
  // E-letters and renewal notices: the customer, their agent (A001), staff of their branch.
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
    expected: customersOnly(409),
  },
  applyDebitResult: { method: 'POST', path: '/billing/debit-results', body: {}, expected: all(401) },
  getNoticeFunnel: {
    method: 'GET',
    path: '/reports/notice-funnel',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
};
