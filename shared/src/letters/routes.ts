import { type RouteSpec, responds } from '../api/route-spec';
import {
  DebitResultRequestSchema,
  type DebitResultResponseSchema,
  type NoticeFunnelResponseSchema,
  NoticePreferenceInputSchema,
  type NoticePreferencesResponseSchema,
  SandboxSubscribeRequestSchema,
  type SandboxSubscribeResponseSchema,
} from '../notices/schemas';
import {
  type LetterDetailSchema,
  type LetterListResponseSchema,
  type LetterSubscriptionSchema,
  type LetterSubscriptionsResponseSchema,
  UpdateLetterSubscriptionRequestSchema,
} from './schemas';

export const letterRoutes = {
  // E-letters (电子信函): 我的信函, a letter, its signed link (no sign-in), subscriptions.
  listCustomerLetters: {
    method: 'GET',
    path: '/customers/{customerId}/letters',
    auth: 'user',
    response: responds<typeof LetterListResponseSchema>(),
  },
  getLetter: {
    method: 'GET',
    path: '/letters/{letterId}',
    auth: 'user',
    response: responds<typeof LetterDetailSchema>(),
  },
  openLetterLink: {
    method: 'GET',
    path: '/letter-links/{token}',
    auth: 'public',
    response: responds<typeof LetterDetailSchema>(),
  },
  listLetterSubscriptions: {
    method: 'GET',
    path: '/customers/{customerId}/letter-subscriptions',
    auth: 'user',
    response: responds<typeof LetterSubscriptionsResponseSchema>(),
  },
  updateLetterSubscription: {
    method: 'PUT',
    path: '/customers/{customerId}/letter-subscriptions/{letterType}',
    auth: 'user',
    request: UpdateLetterSubscriptionRequestSchema,
    response: responds<typeof LetterSubscriptionSchema>(),
  },
  // Renewal notices (续期通知): preferences, WeChat's message push, billing's debit results, the funnel.
  getNoticePreferences: {
    method: 'GET',
    path: '/customers/{customerId}/notice-preferences',
    auth: 'user',
    response: responds<typeof NoticePreferencesResponseSchema>(),
  },
  updateNoticePreference: {
    method: 'PUT',
    path: '/customers/{customerId}/notice-preferences',
    auth: 'user',
    request: NoticePreferenceInputSchema,
    response: responds<typeof NoticePreferencesResponseSchema>(),
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
    response: responds<typeof SandboxSubscribeResponseSchema>(),
  },
  applyDebitResult: {
    method: 'POST',
    path: '/billing/debit-results',
    auth: 'public',
    request: DebitResultRequestSchema,
    response: responds<typeof DebitResultResponseSchema>(),
  },
  getNoticeFunnel: {
    method: 'GET',
    path: '/reports/notice-funnel',
    auth: 'user',
    response: responds<typeof NoticeFunnelResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
