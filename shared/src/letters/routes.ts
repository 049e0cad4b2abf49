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

// E-letters (电子信函): 我的信函, a letter, its signed link (no sign-in), subscriptions.
export const listCustomerLettersRoute = {
  method: 'GET',
  path: '/customers/{customerId}/letters',
  auth: 'user',
  response: responds<typeof LetterListResponseSchema>(),
} as const satisfies RouteSpec;

export const getLetterRoute = {
  method: 'GET',
  path: '/letters/{letterId}',
  auth: 'user',
  response: responds<typeof LetterDetailSchema>(),
} as const satisfies RouteSpec;

export const openLetterLinkRoute = {
  method: 'GET',
  path: '/letter-links/{token}',
  auth: 'public',
  response: responds<typeof LetterDetailSchema>(),
} as const satisfies RouteSpec;

export const listLetterSubscriptionsRoute = {
  method: 'GET',
  path: '/customers/{customerId}/letter-subscriptions',
  auth: 'user',
  response: responds<typeof LetterSubscriptionsResponseSchema>(),
} as const satisfies RouteSpec;

export const updateLetterSubscriptionRoute = {
  method: 'PUT',
  path: '/customers/{customerId}/letter-subscriptions/{letterType}',
  auth: 'user',
  request: UpdateLetterSubscriptionRequestSchema,
  response: responds<typeof LetterSubscriptionSchema>(),
} as const satisfies RouteSpec;

// Renewal notices (续期通知): preferences, WeChat's message push, billing's debit results, the funnel.
export const getNoticePreferencesRoute = {
  method: 'GET',
  path: '/customers/{customerId}/notice-preferences',
  auth: 'user',
  response: responds<typeof NoticePreferencesResponseSchema>(),
} as const satisfies RouteSpec;

export const updateNoticePreferenceRoute = {
  method: 'PUT',
  path: '/customers/{customerId}/notice-preferences',
  auth: 'user',
  request: NoticePreferenceInputSchema,
  response: responds<typeof NoticePreferencesResponseSchema>(),
} as const satisfies RouteSpec;

/** WeChat's message push (消息推送): the URL check (GET, echostr) and subscribe-message events (POST). */
export const checkWechatPushRoute = {
  method: 'GET',
  path: '/wechat/push',
  auth: 'public',
} as const satisfies RouteSpec;

export const receiveWechatPushRoute = {
  method: 'POST',
  path: '/wechat/push',
  auth: 'public',
} as const satisfies RouteSpec;

/** Local stage only (404 elsewhere): the H5 stand-in for wx.requestSubscribeMessage reports the taps. */
export const recordSandboxSubscribeConsentRoute = {
  method: 'POST',
  path: '/wechat/sandbox/subscribe',
  auth: 'user',
  request: SandboxSubscribeRequestSchema,
  response: responds<typeof SandboxSubscribeResponseSchema>(),
} as const satisfies RouteSpec;

export const applyDebitResultRoute = {
  method: 'POST',
  path: '/billing/debit-results',
  auth: 'public',
  request: DebitResultRequestSchema,
  response: responds<typeof DebitResultResponseSchema>(),
} as const satisfies RouteSpec;

export const getNoticeFunnelRoute = {
  method: 'GET',
  path: '/reports/notice-funnel',
  auth: 'user',
  response: responds<typeof NoticeFunnelResponseSchema>(),
} as const satisfies RouteSpec;

export const letterRoutes = {
  listCustomerLetters: listCustomerLettersRoute,
  getLetter: getLetterRoute,
  openLetterLink: openLetterLinkRoute,
  listLetterSubscriptions: listLetterSubscriptionsRoute,
  updateLetterSubscription: updateLetterSubscriptionRoute,
  getNoticePreferences: getNoticePreferencesRoute,
  updateNoticePreference: updateNoticePreferenceRoute,
  checkWechatPush: checkWechatPushRoute,
  receiveWechatPush: receiveWechatPushRoute,
  recordSandboxSubscribeConsent: recordSandboxSubscribeConsentRoute,
  applyDebitResult: applyDebitResultRoute,
  getNoticeFunnel: getNoticeFunnelRoute,
} as const satisfies Record<string, RouteSpec>;
