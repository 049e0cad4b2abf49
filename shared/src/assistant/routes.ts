import { type RouteSpec, responds } from '../api/route-spec';
import {
  type AssistantReplySchema,
  RateAssistantAnswerRequestSchema,
  SendAssistantMessageRequestSchema,
} from './chat';
import type { FeedbackReportSchema } from './feedback-report';
import {
  CloseHandoffRequestSchema,
  type HandoffMessageSchema,
  type HandoffMessagesResponseSchema,
  type HandoffQueueResponseSchema,
  type HandoffSchema,
  type LatestHandoffResponseSchema,
  RequestHandoffRequestSchema,
  SendHandoffMessageRequestSchema,
} from './handoff';

// The 7×24 assistant (智能客服): answers signed in or not.
export const sendAssistantMessageRoute = {
  method: 'POST',
  path: '/assistant/messages',
  auth: 'optional',
  request: SendAssistantMessageRequestSchema,
  response: responds<typeof AssistantReplySchema>(),
} as const satisfies RouteSpec;

export const rateAssistantAnswerRoute = {
  method: 'POST',
  path: '/assistant/feedback',
  auth: 'optional',
  request: RateAssistantAnswerRequestSchema,
} as const satisfies RouteSpec;

// Handoff to a person (转人工): the customer's side, then the staff console; live chat by polling.
export const requestHandoffRoute = {
  method: 'POST',
  path: '/assistant/handoffs',
  auth: 'user',
  request: RequestHandoffRequestSchema,
  response: responds<typeof HandoffSchema>(),
} as const satisfies RouteSpec;

export const getLatestHandoffRoute = {
  method: 'GET',
  path: '/assistant/handoffs/latest',
  auth: 'user',
  response: responds<typeof LatestHandoffResponseSchema>(),
} as const satisfies RouteSpec;

export const listHandoffMessagesRoute = {
  method: 'GET',
  path: '/assistant/handoffs/{handoffId}/messages',
  auth: 'user',
  response: responds<typeof HandoffMessagesResponseSchema>(),
} as const satisfies RouteSpec;

export const sendHandoffMessageRoute = {
  method: 'POST',
  path: '/assistant/handoffs/{handoffId}/messages',
  auth: 'user',
  request: SendHandoffMessageRequestSchema,
  response: responds<typeof HandoffMessageSchema>(),
} as const satisfies RouteSpec;

export const listHandoffQueueRoute = {
  method: 'GET',
  path: '/staff/handoffs',
  auth: 'user',
  response: responds<typeof HandoffQueueResponseSchema>(),
} as const satisfies RouteSpec;

export const getHandoffRoute = {
  method: 'GET',
  path: '/staff/handoffs/{handoffId}',
  auth: 'user',
  response: responds<typeof HandoffSchema>(),
} as const satisfies RouteSpec;

export const claimHandoffRoute = {
  method: 'POST',
  path: '/staff/handoffs/{handoffId}/claim',
  auth: 'user',
  response: responds<typeof HandoffSchema>(),
} as const satisfies RouteSpec;

/** The customer goes back to the assistant while still waiting in the queue. */
export const withdrawHandoffRoute = {
  method: 'POST',
  path: '/assistant/handoffs/{handoffId}/withdraw',
  auth: 'user',
  response: responds<typeof HandoffSchema>(),
} as const satisfies RouteSpec;

export const closeHandoffRoute = {
  method: 'POST',
  path: '/staff/handoffs/{handoffId}/close',
  auth: 'user',
  request: CloseHandoffRequestSchema,
  response: responds<typeof HandoffSchema>(),
} as const satisfies RouteSpec;

// The knowledge base's improvement report (staff).
export const getAssistantFeedbackReportRoute = {
  method: 'GET',
  path: '/reports/assistant-feedback',
  auth: 'user',
  response: responds<typeof FeedbackReportSchema>(),
} as const satisfies RouteSpec;

export const assistantRoutes = {
  sendAssistantMessage: sendAssistantMessageRoute,
  rateAssistantAnswer: rateAssistantAnswerRoute,
  requestHandoff: requestHandoffRoute,
  getLatestHandoff: getLatestHandoffRoute,
  listHandoffMessages: listHandoffMessagesRoute,
  sendHandoffMessage: sendHandoffMessageRoute,
  listHandoffQueue: listHandoffQueueRoute,
  getHandoff: getHandoffRoute,
  claimHandoff: claimHandoffRoute,
  withdrawHandoff: withdrawHandoffRoute,
  closeHandoff: closeHandoffRoute,
  getAssistantFeedbackReport: getAssistantFeedbackReportRoute,
} as const satisfies Record<string, RouteSpec>;
