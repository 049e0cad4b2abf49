import type { RouteSpec } from '../api/route-spec';
import {
  AssistantReplySchema,
  RateAssistantAnswerRequestSchema,
  SendAssistantMessageRequestSchema,
} from './chat';
import { FeedbackReportSchema } from './feedback-report';
import {
  CloseHandoffRequestSchema,
  HandoffMessageSchema,
  HandoffMessagesResponseSchema,
  HandoffQueueResponseSchema,
  HandoffSchema,
  LatestHandoffResponseSchema,
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
    response: AssistantReplySchema,
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
    response: HandoffSchema,
  },
  getLatestHandoff: {
    method: 'GET',
    path: '/assistant/handoffs/latest',
    auth: 'user',
    response: LatestHandoffResponseSchema,
  },
  listHandoffMessages: {
    method: 'GET',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    response: HandoffMessagesResponseSchema,
  },
  sendHandoffMessage: {
    method: 'POST',
    path: '/assistant/handoffs/{handoffId}/messages',
    auth: 'user',
    request: SendHandoffMessageRequestSchema,
    response: HandoffMessageSchema,
  },
  listHandoffQueue: {
    method: 'GET',
    path: '/staff/handoffs',
    auth: 'user',
    response: HandoffQueueResponseSchema,
  },
  getHandoff: {
    method: 'GET',
    path: '/staff/handoffs/{handoffId}',
    auth: 'user',
    response: HandoffSchema,
  },
  claimHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/claim',
    auth: 'user',
    response: HandoffSchema,
  },
  /** The customer goes back to the assistant while still waiting in the queue. */
  withdrawHandoff: {
    method: 'POST',
    path: '/assistant/handoffs/{handoffId}/withdraw',
    auth: 'user',
    response: HandoffSchema,
  },
  closeHandoff: {
    method: 'POST',
    path: '/staff/handoffs/{handoffId}/close',
    auth: 'user',
    request: CloseHandoffRequestSchema,
    response: HandoffSchema,
  },
  // The knowledge base's improvement report (staff).
  getAssistantFeedbackReport: {
    method: 'GET',
    path: '/reports/assistant-feedback',
    auth: 'user',
    response: FeedbackReportSchema,
  },
} as const satisfies Record<string, RouteSpec>;
