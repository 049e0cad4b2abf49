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

export const assistantRoutes = {
  // The 7×24 assistant (智能客服): answers signed in or not.
  sendAssistantMessage: {
    method: 'POST',
    path: '/assistant/messages',
    auth: 'optional',
    request: SendAssistantMessageRequestSchema,
    response: responds<typeof AssistantReplySchema>(),
  },
  rateAssistantAnswer: {
    method: 'POST',
    path: '/assistant/feedback',
    auth: 'optional',
    request: RateAssistantAnswerRequestSchema,
  },
  // Handoff to a person (转人工): the customer's side, then the staff console; live chat by polling.
  requestHandoff: {
    method: 'POST',
    path: '/assistant/handoffs',
    auth: 'user',
    request: RequestHandoffRequestSchema,
    response: responds<typeof HandoffSchema>(),
  },
  getLatestHandoff: {
    method: 'GET',
    path: '/assistant/handoffs/latest',
    auth: 'user',
    response: responds<typeof LatestHandoffResponseSchema>(),
  },
  listHandoffMessages: {
    method: 'GET',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    response: responds<typeof HandoffMessagesResponseSchema>(),
  },
  sendHandoffMessage: {
    method: 'POST',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    request: SendHandoffMessageRequestSchema,
    response: responds<typeof HandoffMessageSchema>(),
  },
  listHandoffQueue: {
    method: 'GET',
    path: '/staff/handoffs',
    auth: 'user',
    response: responds<typeof HandoffQueueResponseSchema>(),
  },
  getHandoff: {
    method: 'GET',
    path: '/staff/handoffs/{handoffId}',
    auth: 'user',
    response: responds<typeof HandoffSchema>(),
  },
  claimHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/claim',
    auth: 'user',
    response: responds<typeof HandoffSchema>(),
  },
  /** The customer goes back to the assistant while still waiting in the queue. */
  withdrawHandoff: {
    method: 'POST',
    path: '/assistant/handoffs/{handoffId}/withdraw',
    auth: 'user',
    response: responds<typeof HandoffSchema>(),
  },
  closeHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/close',
    auth: 'user',
    request: CloseHandoffRequestSchema,
    response: responds<typeof HandoffSchema>(),
  },
  // The knowledge base's improvement report (staff).
  getAssistantFeedbackReport: {
    method: 'GET',
    path: '/reports/assistant-feedback',
    auth: 'user',
    response: responds<typeof FeedbackReportSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
