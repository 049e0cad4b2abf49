import type { RouteSpec } from '../api/route-spec';
import {
  DebitResultRequestSchema,
  DebitResultResponseSchema,
  NoticeFunnelResponseSchema,
  NoticePreferenceInputSchema,
  NoticePreferencesResponseSchema,
  SandboxSubscribeRequestSchema,
  SandboxSubscribeResponseSchema,
} from '../notices/schemas';
import {
  LetterDetailSchema,
  LetterListResponseSchema,
  LetterSubscriptionSchema,
  LetterSubscriptionsResponseSchema,
  UpdateLetterSubscriptionRequestSchema,
} from './schemas';

export const letterRoutes = {
  // E-letters (电子信函): 我的信函, a letter, its signed link (no sign-in), subscriptions.
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
  // Renewal notices (续期通知): preferences, WeChat's message push, billing's debit results, the funnel.
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
} as const satisfies Record<string, RouteSpec>;
